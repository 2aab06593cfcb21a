package pk.childhelpline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which of notification-service's templates an SMS text came from ("received", "referred", ...), by turning each
 * template file under templates/sms/KIND/ into a pattern: the text between placeholders must match exactly, and
 * {reference} must be a case reference. A report causes several SMS that all name its reference, so the checks need
 * the kind to count the "received" message alone.
 */
public final class SmsTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, List<Pattern>> patternsByKind;

    SmsTemplates(Map<String, List<Pattern>> patternsByKind) {
        this.patternsByKind = patternsByKind;
    }

    /** Reads every template below {@code directory} (one folder per kind); no directory gives no kinds. */
    public static SmsTemplates load(Path directory) {
        Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return new SmsTemplates(patterns);
        }
        try (DirectoryStream<Path> kinds = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path kind : kinds) {
                List<Pattern> list = new ArrayList<>();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(kind, "*.txt")) {
                    for (Path file : files) {
                        list.add(pattern(Files.readString(file, StandardCharsets.UTF_8)));
                    }
                }
                patterns.put(kind.getFileName().toString(), list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SMS templates in " + directory, e);
        }
        return new SmsTemplates(patterns);
    }

    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(template.strip());
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.strip().substring(last, matcher.start())));
            regex.append(matcher.group(1).equals("reference") ? SmscLog.REFERENCE.pattern() : ".*?");
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.strip().substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Returns the kind of template the text matches, or "other". */
    public String kindOf(String text) {
        String stripped = text.strip();
        for (Map.Entry<String, List<Pattern>> entry : patternsByKind.entrySet()) {
            for (Pattern pattern : entry.getValue()) {
                if (pattern.matcher(stripped).matches()) {
                    return entry.getKey();
                }
            }
        }
        return "other";
    }

    public boolean isEmpty() {
        return patternsByKind.isEmpty();
    }
}
