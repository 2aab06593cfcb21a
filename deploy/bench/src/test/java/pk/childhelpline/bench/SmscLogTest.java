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

class SmscLogTest {

    private static String line(String text) {
        return "{\"time\":\"2026-10-01T07:51:03.250Z\",\"source\":\"HELPLINE\",\"destination\":\"+923001234567\","
                + "\"text\":\"" + text + "\",\"dataCoding\":0,\"parts\":1}\n";
    }

    @Test
    void readsOnlyLinesAppendedAfterStart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.jsonl");
        Files.writeString(file, line("Old K7M2-9XQ4-T"));
        SmscLog log = new SmscLog(file);

        Files.writeString(file, line("Report received, reference AB12-CD34-E"), StandardOpenOption.APPEND);
        List<SmscLog.Message> messages = log.poll();

        assertEquals(1, messages.size());
        assertEquals("AB12-CD34-E", messages.get(0).reference());
        assertEquals(Instant.parse("2026-10-01T07:51:03.250Z"), messages.get(0).time());
    }

    @Test
    void waitsForIncompleteLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.jsonl");
        SmscLog log = new SmscLog(file);
        String complete = line("Ref AB12-CD34-E");

        Files.writeString(file, complete.substring(0, 40));
        assertEquals(0, log.poll().size());
        Files.writeString(file, complete.substring(40), StandardOpenOption.APPEND);

        assertEquals(1, log.poll().size());
    }

    @Test
    void leavesReferenceEmptyWithoutOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.jsonl");
        SmscLog log = new SmscLog(file);

        Files.writeString(file, line("Aap ka paigham mil gaya"));

        assertNull(log.poll().get(0).reference());
    }
}
