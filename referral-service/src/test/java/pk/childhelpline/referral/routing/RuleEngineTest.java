package pk.childhelpline.referral.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pk.childhelpline.referral.intake.InvalidReportException;
import pk.childhelpline.referral.intake.ReportParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default rules, evaluated without the service. */
class RuleEngineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RuleSet DEFAULTS = new RuleSet(1, Instant.EPOCH, "system", RuleSetStore.loadDefaults(MAPPER));
    private static final Instant ACCEPTED = Instant.parse("2026-10-01T07:51:03Z");
    private static final Set<String> LEGAL_AID_CONCERNS = Set.of("UNLAWFUL_DETENTION", "JUVENILE_JUSTICE_VIOLATION",
            "CHILD_MARRIAGE", "BONDED_LABOUR", "BIRTH_REGISTRATION_DENIED");

    @ParameterizedTest(name = "{0} {1} in {2}, legal aid {3}")
    @CsvSource(delimiter = '|', textBlock = """
            PHYSICAL_VIOLENCE                   | MEDIUM           | PB  | false | NHRI/PB                  | 72 | MEDIUM
            CORPORAL_PUNISHMENT                 | LOW              | KP  | false | NHRI/KP                  | 72 | LOW
            SEXUAL_ABUSE                        | IMMEDIATE_DANGER | SD  | false | NHRI/SD                  | 1  | CRITICAL
            CHILD_MARRIAGE                      | HIGH             | SD  | false | NHRI/SD LEGAL_AID/SD     | 24 | HIGH
            NEGLECT                             | MEDIUM           | IS  | true  | NHRI/IS LEGAL_AID/IS     | 72 | MEDIUM
            BIRTH_REGISTRATION_DENIED           | LOW              | GB  | false | NHRI/GB LEGAL_AID/GB     | 72 | LOW
            BONDED_LABOUR                       | HIGH             | BA  | false | NHRI/BA LEGAL_AID/BA     | 24 | HIGH
            JUVENILE_JUSTICE_VIOLATION          | IMMEDIATE_DANGER | AJK | false | NHRI/AJK LEGAL_AID/AJK   | 1  | CRITICAL
            UNLAWFUL_DETENTION                  | MEDIUM           | PB  | false | NHRI/PB LEGAL_AID/PB     | 72 | MEDIUM
            MISSING_CHILD                       | LOW              | KP  | false | NHRI/KP                  | 2  | CRITICAL
            MISSING_CHILD                       | HIGH             | SD  | false | NHRI/SD                  | 2  | CRITICAL
            ABDUCTION                           | IMMEDIATE_DANGER | PB  | false | NHRI/PB                  | 1  | CRITICAL
            ABDUCTION CHILD_MARRIAGE            | HIGH             | KP  | true  | NHRI/KP LEGAL_AID/KP     | 2  | CRITICAL
            TRAFFICKING SEPARATION_FROM_PARENTS | MEDIUM           | BA  | false | NHRI/BA                  | 72 | MEDIUM
            """)
    void routesDefaultRulesTable(String concerns, String urgency, String province, boolean legalAid,
            String destinations, int deadlineHours, String priority) {
        ReportFacts report = new ReportFacts(List.of(concerns.split(" ")), urgency, province, null, List.of(9),
                legalAid, ACCEPTED);

        RoutingDecision decision = RuleEngine.evaluate(DEFAULTS, report);

        assertEquals(List.of(destinations.split(" ")), names(decision));
        for (RoutingDecision.Destination destination : decision.destinations()) {
            assertEquals(ACCEPTED.plus(Duration.ofHours(deadlineHours)), destination.deadline(),
                    "deadline of " + destination.type());
            assertEquals(priority, destination.priority(), "priority of " + destination.type());
        }
    }

    @Test
    void routesEverySampleReport() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../deploy/local/sample/reports.jsonl"));
        int routed = 0;
        for (String line : lines) {
            JsonNode report = MAPPER.readTree(line);
            if (report.path("invalid").asBoolean(false)) {
                continue;
            }
            ObjectNode payload = ((ObjectNode) report).deepCopy();
            Instant acceptedAt = OffsetDateTime.parse(report.path("receivedAt").asText()).toInstant().plusSeconds(1);
            payload.put("acceptedAt", acceptedAt.toString());
            String id = report.path("externalId").asText();

            RoutingDecision decision = RuleEngine.evaluate(DEFAULTS, facts(payload));

            assertEquals(expectedDestinations(report), names(decision), id);
            Instant deadline = acceptedAt.plus(expectedDeadline(report));
            for (RoutingDecision.Destination destination : decision.destinations()) {
                assertEquals(deadline, destination.deadline(), id + " deadline of " + destination.type());
            }
            routed++;
        }
        assertEquals(235, routed);
    }

    @Test
    void explainsEveryRule() {
        ReportFacts report = new ReportFacts(List.of("MISSING_CHILD"), "MEDIUM", "SD", "Karachi Central",
                List.of(3), false, ACCEPTED);

        RoutingDecision decision = RuleEngine.evaluate(DEFAULTS, report);

        assertEquals(DEFAULTS.rules().size(), decision.rules().size());
        RoutingDecision.RuleEvaluation legalAid = decision.rules().get(1);
        assertEquals("legal-aid-requested", legalAid.id());
        assertFalse(legalAid.matched());
        assertTrue(legalAid.reasons().get(0).contains("legalAidRequested is false"), legalAid.reasons().toString());
        RoutingDecision.RuleEvaluation missing = decision.rules().get(4);
        assertTrue(missing.matched());
        assertTrue(missing.reasons().get(0).contains("MISSING_CHILD"), missing.reasons().toString());
    }

    @Test
    void matchesGroupAgeAndDistrict() {
        RoutingRule rule = new RoutingRule("young-exploitation", null,
                new RoutingRule.Match(null, List.of("EXPLOITATION"), null, null, List.of("Lahore"),
                        new RoutingRule.AgeBand(0, 11), null),
                new RoutingRule.Action("NHRI", "NATIONAL", "HIGH", "PT6H"));
        RuleSet rules = new RuleSet(2, Instant.EPOCH, "admin1", List.of(rule));

        RoutingDecision young = RuleEngine.evaluate(rules,
                new ReportFacts(List.of("CHILD_LABOUR"), "LOW", "PB", "Lahore", List.of(10), false, ACCEPTED));
        RoutingDecision older = RuleEngine.evaluate(rules,
                new ReportFacts(List.of("CHILD_LABOUR"), "LOW", "PB", "Lahore", List.of(14), false, ACCEPTED));

        assertEquals(List.of("NHRI/NATIONAL"), names(young));
        assertEquals(ACCEPTED.plus(Duration.ofHours(6)), young.destinations().get(0).deadline());
        assertTrue(older.destinations().isEmpty());
        assertFalse(older.rules().get(0).matched());
    }

    @Test
    void routesByChildProvinceWithoutLocation() throws Exception {
        ObjectNode payload = (ObjectNode) MAPPER.readTree("""
                {"acceptedAt": "2026-10-01T07:51:03Z", "concerns": ["NEGLECT"], "urgency": "LOW",
                 "children": [{"ageYears": 7, "province": "GB"}]}""");

        RoutingDecision decision = RuleEngine.evaluate(DEFAULTS, facts(payload));

        assertEquals(List.of("NHRI/GB"), names(decision));
    }

    private static ReportFacts facts(JsonNode payload) {
        try {
            return ReportParser.facts(payload, null);
        } catch (InvalidReportException e) {
            throw new AssertionError(payload.path("externalId").asText() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> expectedDestinations(JsonNode report) {
        String province = report.path("location").path("province").asText();
        List<String> expected = new ArrayList<>(List.of("NHRI/" + province));
        boolean legalAid = report.path("legalAidRequested").asBoolean(false);
        for (JsonNode concern : report.path("concerns")) {
            legalAid |= LEGAL_AID_CONCERNS.contains(concern.asText());
        }
        if (legalAid) {
            expected.add("LEGAL_AID/" + province);
        }
        return expected;
    }

    private static Duration expectedDeadline(JsonNode report) {
        List<Duration> candidates = new ArrayList<>();
        candidates.add(switch (report.path("urgency").asText()) {
            case "IMMEDIATE_DANGER" -> Duration.ofHours(1);
            case "HIGH" -> Duration.ofHours(24);
            default -> Duration.ofHours(72);
        });
        for (JsonNode concern : report.path("concerns")) {
            if (Arrays.asList("MISSING_CHILD", "ABDUCTION").contains(concern.asText())) {
                candidates.add(Duration.ofHours(2));
            }
        }
        return candidates.stream().min(Duration::compareTo).orElseThrow();
    }

    private static List<String> names(RoutingDecision decision) {
        return decision.destinations().stream().map(destination -> destination.type() + "/" + destination.office())
                .toList();
    }
}
