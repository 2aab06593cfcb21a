package pk.childhelpline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmscLogTest {

    private static final SmsTemplates TEMPLATES = SmsTemplates
            .load(Path.of("../../notification-service/src/main/resources/templates/sms"));

    private static String line(String text) {
        return "{\"time\":\"2026-10-01T07:51:03.250Z\",\"source\":\"HELPLINE\",\"destination\":\"+923001234567\","
                + "\"text\":\"" + text + "\",\"dataCoding\":0,\"parts\":1}\n";
    }

    @Test
    void readsOnlyLinesAppendedAfterStart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.jsonl");
        Files.writeString(file, line("Old K7M2-9XQ4-T"));
        SmscLog log = new SmscLog(file, TEMPLATES);

        Files.writeString(file, line("Report received, reference AB12-CD34-E"), StandardOpenOption.APPEND);
        List<SmscLog.Message> messages = log.poll();

        assertEquals(1, messages.size());
        assertEquals("AB12-CD34-E", messages.get(0).reference());
        assertEquals(Instant.parse("2026-10-01T07:51:03.250Z"), messages.get(0).time());
    }

    @Test
    void waitsForIncompleteLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.jsonl");
        SmscLog log = new SmscLog(file, TEMPLATES);
        String complete = line("Ref AB12-CD34-E");

        Files.writeString(file, complete.substring(0, 40));
        assertEquals(0, log.poll().size());
        Files.writeString(file, complete.substring(40), StandardOpenOption.APPEND);

        assertEquals(1, log.poll().size());
    }

    @Test
    void tellsReceivedFromReferred(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.jsonl");
        SmscLog log = new SmscLog(file, TEMPLATES);

        Files.writeString(file, line("Your request AB12-CD34-E is registered. For information call 1099. Reply STOP to end"
                + " these messages.") + line(
                        "Case AB12-CD34-E: your report has been passed to the child protection "
                                + "authorities for action. Call 1099 for help."));
        List<SmscLog.Message> messages = log.poll();

        assertEquals("received", messages.get(0).kind());
        assertEquals("referred", messages.get(1).kind());
        assertTrue(log.isReceived(messages.get(0)));
    }

    @Test
    void recognisesUrduReceived(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.jsonl");
        SmscLog log = new SmscLog(file, TEMPLATES);
        String text = Files.readString(Path.of("../../notification-service/src/main/resources/templates/sms/received/ur.txt"))
                .strip().replace("{reference}", "AB12-CD34-E").replace("{helplineNumber}", "1099");

        Files.writeString(file, line(text));
        SmscLog.Message message = log.poll().get(0);

        assertEquals("received", message.kind());
        assertEquals("AB12-CD34-E", message.reference());
    }

    @Test
    void leavesReferenceEmptyWithoutOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.jsonl");
        SmscLog log = new SmscLog(file, TEMPLATES);

        Files.writeString(file, line("Aap ka paigham mil gaya"));

        assertNull(log.poll().get(0).reference());
    }
}
