package pk.childhelpline.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class OutputFormatsTest {

    @Test
    void plotWritesPng(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plot.png");

        LatencyPlot.write(List.of(new LatencyPlot.Point(100, 5, 9, 12), new LatencyPlot.Point(480, 40, 300, Double.NaN)),
                "test", file);
        BufferedImage image = ImageIO.read(file.toFile());

        assertNotNull(image);
        assertEquals(900, image.getWidth());
    }

    @Test
    void pgbenchScriptUsesOnlyItsVariable() {
        var report = ReportGenerator.JSON.createObjectNode().put("narrative", "Beti 16:30 ko gayi, it's urgent: help")
                .putObject("reporter").put("name", "X");
        var full = ReportGenerator.JSON.createObjectNode().put("narrative", "Beti 16:30 ko gayi, it's urgent: help");
        full.set("reporter", report);

        String script = PgBenchCeiling.transactionScript(full);

        // pgbench substitutes ":name" everywhere; only ":n" (and the "::" casts) may appear.
        assertFalse(Pattern.compile("(?<!:):(?!n\\b|:)[A-Za-z0-9_]").matcher(script).find(), script);
        assertFalse(script.contains("it's"), "quotes must be doubled");
    }

    @Test
    void statFieldsSurviveSpacesInName() {
        String stat = "4242 (java (main) x) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 30 0 0 20 0 40 0 123456 0 0";

        String[] fields = ProcessSampler.parseStat(stat);

        assertEquals("S", fields[0]);
        assertEquals("17", fields[1]);
        assertArrayEquals(new String[]{"250", "30"}, new String[]{fields[11], fields[12]});
        assertEquals("123456", fields[19]);
    }
}
