package pk.childhelpline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates report bodies in the shape of a sample file (one JSON report per line, as deploy/local/sample/reports.jsonl):
 * each body takes the narrative, language, concerns and reporter of a random valid sample report, and gets a fresh
 * external id, 1 to 3 children of random age and gender, a random district of the district list for the children and
 * the location, and a random mobile number. Lines marked {@code "invalid": true} are skipped.
 */
public final class ReportGenerator {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneOffset PAKISTAN = ZoneOffset.ofHours(5);
    private static final int[] MOBILE_PREFIXES = {300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 312, 313, 314,
            315, 321, 322, 323, 331, 332, 333, 334, 335, 341, 342, 343, 344, 345, 346, 347};
    private static final String[] GENDERS = {"FEMALE", "MALE", "FEMALE", "MALE", "UNKNOWN"};

    /** A district and the code of its province, as in districts.csv. */
    public record District(String provinceCode, String name) {
    }

    private final List<ObjectNode> templates;
    private final List<District> districts;
    private final Random random;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();

    public ReportGenerator(List<ObjectNode> templates, List<District> districts, long seed, String runId) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("The sample has no valid report to use as a template");
        }
        if (districts.isEmpty()) {
            throw new IllegalArgumentException("The district list is empty");
        }
        this.templates = List.copyOf(templates);
        this.districts = List.copyOf(districts);
        this.random = new Random(seed);
        this.runId = runId;
    }

    /** Returns the prefix of every external id this generator gives, which tells this run's reports apart. */
    public String externalIdPrefix() {
        return "BENCH-" + runId + "-";
    }

    public static ReportGenerator fromFiles(Path sample, Path districtsCsv, long seed, String runId) {
        return new ReportGenerator(readTemplates(sample), readDistricts(districtsCsv), seed, runId);
    }

    static List<ObjectNode> readTemplates(Path sample) {
        List<ObjectNode> templates = new ArrayList<>();
        for (String line : readLines(sample)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode report = JSON.readTree(line);
                if (report.isObject() && !report.path("invalid").asBoolean(false) && report.has("narrative")) {
                    templates.add((ObjectNode) report);
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("A line of " + sample + " is not JSON: " + e.getMessage(), e);
            }
        }
        return templates;
    }

    static List<District> readDistricts(Path csv) {
        List<District> districts = new ArrayList<>();
        for (String line : readLines(csv)) {
            String[] fields = line.split(",", 3);
            if (fields.length == 3 && !fields[0].equals("province_code") && !fields[2].isBlank()) {
                districts.add(new District(fields[0].trim(), fields[2].trim()));
            }
        }
        return districts;
    }

    /**
     * Returns a new report body. With {@code smsExpected}, the reporter consents to SMS, is safe to contact and has a
     * valid mobile number, so that helpline-service subscribes the reporter and a "received" SMS follows; otherwise
     * consent and safety are those of the template.
     */
    public synchronized ObjectNode next(boolean smsExpected) {
        ObjectNode report = templates.get(random.nextInt(templates.size())).deepCopy();
        report.remove("invalid");
        report.remove("why");
        report.put("externalId", externalIdPrefix() + sequence.incrementAndGet());
        report.put("receivedAt", OffsetDateTime.now(PAKISTAN).minusSeconds(random.nextInt(600))
                .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));

        District district = districts.get(random.nextInt(districts.size()));
        ArrayNode children = report.putArray("children");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            ObjectNode child = children.addObject();
            child.put("ageYears", random.nextInt(18));
            child.put("gender", GENDERS[random.nextInt(GENDERS.length)]);
            child.put("district", district.name());
            child.put("province", district.provinceCode());
        }
        ObjectNode location = report.putObject("location");
        location.put("district", district.name());
        location.put("province", district.provinceCode());

        ObjectNode reporter = (ObjectNode) report.path("reporter");
        if (smsExpected || reporter.has("phone")) {
            reporter.put("phone", mobileNumber());
        }
        if (smsExpected) {
            reporter.put("smsConsent", true);
            reporter.put("safeToContact", true);
        }
        return report;
    }

    /** A valid Pakistani mobile number in one of the forms that reporters use. */
    private String mobileNumber() {
        int prefix = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)];
        int subscriber = 5_550_000 + random.nextInt(10_000);
        return switch (random.nextInt(3)) {
            case 0 -> "+92 " + prefix + " " + subscriber;
            case 1 -> "0" + prefix + "-" + subscriber;
            default -> "0" + prefix + " " + subscriber;
        };
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
