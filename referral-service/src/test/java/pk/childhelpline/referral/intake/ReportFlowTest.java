package pk.childhelpline.referral.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import pk.childhelpline.referral.events.Topics;
import pk.childhelpline.referral.queue.Referral;
import pk.childhelpline.referral.queue.ReferralStatus;
import pk.childhelpline.referral.support.Database;
import pk.childhelpline.referral.support.TestKafka;
import pk.childhelpline.referral.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports arriving on Kafka end as referrals, and their events leave through the outbox to Kafka. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ReportFlowTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void routesFiledReportToBothQueues() throws Exception {
        TestReports.Case reportCase = TestReports.Case.random();
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String key = reportCase.caseId().toString();

        TestKafka.send(Topics.REPORTS, key,
                TestReports.filed(reportCase, "SD", List.of("CHILD_MARRIAGE"), "HIGH", false, acceptedAt));

        await().atMost(WAIT).until(() -> Database.referralsOf(reportCase.caseId()).size() == 2);
        List<Referral> referrals = Database.referralsOf(reportCase.caseId());
        assertEquals(List.of("nhri/SD", "legal-aid-sd/SD"),
                referrals.stream().map(referral -> referral.organisationId + "/" + referral.office).toList());
        assertTrue(referrals.stream().allMatch(referral -> referral.status == ReferralStatus.PENDING));
        assertTrue(referrals.stream().allMatch(referral -> referral.deadline.equals(acceptedAt.plus(Duration.ofHours(24)))));

        ConsumerRecord<String, byte[]> created = TestKafka.readUntil("referrals.nhri.v1", key, WAIT,
                found -> !found.isEmpty()).get(0);
        JsonNode envelope = MAPPER.readTree(created.value());
        assertEquals("ReferralCreated", envelope.path("type").asText());
        assertEquals(1, envelope.path("version").asInt());
        assertEquals(key, envelope.path("caseId").asText());
        assertEquals("nhri", envelope.path("payload").path("destination").path("organisationId").asText());
        assertEquals("HIGH", envelope.path("payload").path("priority").asText());
        assertEquals(List.of("CHILD_MARRIAGE"), MAPPER.convertValue(envelope.path("payload").path("report")
                .path("concerns"), List.class));
        assertTrue(envelope.path("payload").path("report").path("reporter").isMissingNode());
        assertFalse(new String(created.value(), StandardCharsets.UTF_8).contains("preferredLanguage"));

        List<ConsumerRecord<String, byte[]>> legalAid = TestKafka.readUntil("referrals.legal-aid.v1", key, WAIT,
                found -> !found.isEmpty());
        assertEquals("legal-aid-sd",
                MAPPER.readTree(legalAid.get(0).value()).path("payload").path("destination").path("organisationId")
                        .asText());

        List<ConsumerRecord<String, byte[]>> statuses = TestKafka.readUntil(Topics.REFERRAL_STATUS, key, WAIT,
                found -> found.size() >= 2);
        assertEquals(2, statuses.size());
        JsonNode first = MAPPER.readTree(statuses.get(0).value()).path("payload");
        assertTrue(first.path("fromStatus").isNull());
        assertEquals("PENDING", first.path("toStatus").asText());
        assertEquals(1, first.path("openReferralsOfCase").asInt());
        assertEquals(2, MAPPER.readTree(statuses.get(1).value()).path("payload").path("openReferralsOfCase").asInt());
        assertFalse(first.path("firstAcceptanceOfCase").asBoolean());
    }

    @Test
    void redeliveredEventCreatesNoSecondReferral() {
        TestReports.Case reportCase = TestReports.Case.random();
        String key = reportCase.caseId().toString();
        byte[] filed = TestReports.filed(reportCase, "PB", List.of("PHYSICAL_VIOLENCE"), "MEDIUM", false,
                Instant.now());

        TestKafka.send(Topics.REPORTS, key, filed);
        TestKafka.send(Topics.REPORTS, key, filed);
        // A broken record with the same key lands on the same partition after both copies: once it is dead-lettered,
        // both copies have been processed.
        TestKafka.send(Topics.REPORTS, key, "not json");

        List<ConsumerRecord<String, byte[]>> deadLetters = TestKafka.readUntil(Topics.deadLetterOf(Topics.REPORTS), key,
                WAIT, found -> !found.isEmpty());
        assertEquals(1, deadLetters.size());
        assertEquals(1, Database.referralsOf(reportCase.caseId()).size());
        assertEquals(1, Database.outboxEvents(Topics.REFERRAL_STATUS, reportCase.caseId()).size());
    }

    @Test
    void deadLettersUnreadableRecordsAndGoesOn() throws Exception {
        TestReports.Case reportCase = TestReports.Case.random();
        String key = reportCase.caseId().toString();
        String unknownType = new String(TestReports.envelope("ReportShredded", UUID.randomUUID(),
                reportCase.caseId(), TestReports.payload(reportCase, "PB", List.of("NEGLECT"), "LOW", false,
                        Instant.now())),
                StandardCharsets.UTF_8);
        String newerVersion = unknownType.replace("\"ReportShredded\"", "\"ReportFiled\"")
                .replace("\"version\":1", "\"version\":2");
        String unknownConcern = new String(TestReports.filed(reportCase, "PB", List.of("LOUD_MUSIC"), "LOW", false,
                Instant.now()), StandardCharsets.UTF_8);

        TestKafka.send(Topics.REPORTS, key, "{\"type\": \"ReportFiled\", ");
        TestKafka.send(Topics.REPORTS, key, unknownType);
        TestKafka.send(Topics.REPORTS, key, newerVersion);
        TestKafka.send(Topics.REPORTS, key, unknownConcern);
        TestKafka.send(Topics.REPORTS, key,
                TestReports.filed(reportCase, "PB", List.of("NEGLECT"), "LOW", false, Instant.now()));

        List<ConsumerRecord<String, byte[]>> deadLetters = TestKafka.readUntil(Topics.deadLetterOf(Topics.REPORTS), key,
                WAIT, found -> found.size() >= 4);
        assertEquals(4, deadLetters.size());
        assertEquals("{\"type\": \"ReportFiled\", ", new String(deadLetters.get(0).value(), StandardCharsets.UTF_8));
        assertEquals(unknownType, new String(deadLetters.get(1).value(), StandardCharsets.UTF_8));
        for (ConsumerRecord<String, byte[]> deadLetter : deadLetters) {
            assertEquals(Topics.REPORTS, TestKafka.header(deadLetter, "dlq-source-topic"));
        }
        assertTrue(TestKafka.header(deadLetters.get(0), "dlq-reason").contains("not valid JSON"));
        assertTrue(TestKafka.header(deadLetters.get(1), "dlq-reason").contains("Unknown event type 'ReportShredded'"));
        assertTrue(TestKafka.header(deadLetters.get(2), "dlq-reason").contains("Unsupported version 2"));
        assertTrue(TestKafka.header(deadLetters.get(3), "dlq-reason").contains("unknown concern code LOUD_MUSIC"));

        await().atMost(WAIT).until(() -> Database.referralsOf(reportCase.caseId()).size() == 1);
        assertNull(Database.referralsOf(reportCase.caseId()).get(0).claimedBy);
    }
}
