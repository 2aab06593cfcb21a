package pk.childhelpline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportGeneratorTest {

    private static final Path REPO = Path.of("../..");

    private ReportGenerator sampleGenerator() {
        return ReportGenerator.fromFiles(REPO.resolve("deploy/local/sample/reports.jsonl"),
                REPO.resolve("helpline-service/src/main/resources/reference/districts.csv"), 42, "T");
    }

    @Test
    void generatesChildrenInListedDistricts() {
        ReportGenerator generator = sampleGenerator();
        List<ReportGenerator.District> districts = ReportGenerator.readDistricts(
                REPO.resolve("helpline-service/src/main/resources/reference/districts.csv"));
        Set<Integer> childCounts = new HashSet<>();

        for (int i = 0; i < 300; i++) {
            ObjectNode report = generator.next(false);
            JsonNode children = report.path("children");
            childCounts.add(children.size());
            JsonNode location = report.path("location");
            assertTrue(districts.contains(new ReportGenerator.District(location.path("province").asText(),
                    location.path("district").asText())), "unknown district in " + location);
            for (JsonNode child : children) {
                int age = child.path("ageYears").asInt();
                assertTrue(age >= 0 && age <= 17, "age " + age);
                assertEquals(location.path("district").asText(), child.path("district").asText());
            }
        }

        assertEquals(Set.of(1, 2, 3), childCounts);
    }

    @Test
    void givesValidMobileWhenSmsExpected() throws NumberParseException {
        ReportGenerator generator = sampleGenerator();
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

        for (int i = 0; i < 200; i++) {
            JsonNode reporter = generator.next(true).path("reporter");
            var number = phones.parse(reporter.path("phone").asText(), "PK");

            assertTrue(reporter.path("smsConsent").asBoolean());
            assertTrue(reporter.path("safeToContact").asBoolean());
            assertEquals(PhoneNumberUtil.PhoneNumberType.MOBILE, phones.getNumberType(number),
                    reporter.path("phone").asText());
        }
    }

    @Test
    void usesEveryLanguageOfSample() {
        ReportGenerator generator = sampleGenerator();
        Set<String> languages = new HashSet<>();

        for (int i = 0; i < 300; i++) {
            languages.add(generator.next(false).path("reporter").path("preferredLanguage").asText());
        }

        assertEquals(Set.of("en", "ur", "ur-Latn"), languages);
    }

    @Test
    void skipsLinesMarkedInvalid(@TempDir Path dir) throws IOException {
        Path sample = dir.resolve("reports.jsonl");
        Files.writeString(sample, """
                {"externalId":"A","narrative":"valid","reporter":{},"invalid":false}
                {"externalId":"B","narrative":"broken","reporter":{},"invalid":true,"why":"test"}
                """);

        List<ObjectNode> templates = ReportGenerator.readTemplates(sample);

        assertEquals(1, templates.size());
        assertEquals("A", templates.get(0).path("externalId").asText());
    }

    @Test
    void givesUniqueExternalIds() {
        ReportGenerator generator = sampleGenerator();
        Set<String> ids = new HashSet<>();

        for (int i = 0; i < 100; i++) {
            ids.add(generator.next(false).path("externalId").asText());
        }

        assertEquals(100, ids.size());
        assertFalse(ids.contains(""));
    }
}
