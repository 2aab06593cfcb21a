package pk.childhelpline.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the SMSC simulator's messages file (one JSON object per line with the keys time, source, destination, text,
 * dataCoding and parts) from a given position on, so that a run reads only the messages sent after it began.
 */
public final class SmscLog {

    /** Case references as helpline-service writes them: XXXX-XXXX-C in Crockford's Base32 alphabet. */
    static final Pattern REFERENCE = Pattern.compile("([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z])");

    /**
     * One message, with the case reference found in its text (null when there is none) and the kind of template it
     * came from ("received", "referred", ..., or "other").
     */
    public record Message(Instant time, String destination, String text, int dataCoding, int parts, String reference,
            String kind) {

        public boolean received() {
            return kind.equals("received");
        }
    }

    private final Path file;
    private final SmsTemplates templates;
    private long position;
    private final List<Message> messages = new ArrayList<>();

    /** Starts reading at the current end of the file, or at its start when it does not exist yet. */
    public SmscLog(Path file, SmsTemplates templates) {
        this.file = file;
        this.templates = templates;
        this.position = size(file);
    }

    /** Reads the lines appended since the last call and returns every message seen since construction. */
    public synchronized List<Message> poll() {
        if (!Files.exists(file)) {
            return List.copyOf(messages);
        }
        try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
            if (input.length() < position) {
                position = 0;
            }
            input.seek(position);
            byte[] rest = new byte[(int) Math.min(input.length() - position, 64L * 1024 * 1024)];
            input.readFully(rest);
            int lineStart = 0;
            for (int i = 0; i < rest.length; i++) {
                if (rest[i] == '\n') {
                    parse(new String(rest, lineStart, i - lineStart, StandardCharsets.UTF_8)).ifPresent(messages::add);
                    lineStart = i + 1;
                }
            }
            position += lineStart;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return List.copyOf(messages);
    }

    Optional<Message> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = ReportGenerator.JSON.readTree(line);
            String text = json.path("text").asText("");
            Matcher matcher = REFERENCE.matcher(text);
            return Optional.of(new Message(Instant.parse(json.path("time").asText()),
                    json.path("destination").asText(), text, json.path("dataCoding").asInt(),
                    json.path("parts").asInt(1), matcher.find() ? matcher.group(1) : null, templates.kindOf(text)));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True for a "received" message, or for any message when the templates were not found. */
    public boolean isReceived(Message message) {
        return templates.isEmpty() ? message.reference() != null : message.received();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
