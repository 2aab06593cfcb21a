package pk.childhelpline.referral.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import pk.childhelpline.referral.events.Topics;
import pk.childhelpline.referral.queue.Referral;
import pk.childhelpline.referral.support.TestKafka;
import pk.childhelpline.referral.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every valid sample report, filed on Kafka as helpline-service files it, ends in the queues the default rules name. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class SampleReportsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> LEGAL_AID_CONCERNS = Set.of("UNLAWFUL_DETENTION", "JUVENILE_JUSTICE_VIOLATION",
            "CHILD_MARRIAGE", "BONDED_LABOUR", "BIRTH_REGISTRATION_DENIED");

    @Test
    void routesSampleReportsToDefaultQueues() throws Exception {
        Map<UUID, JsonNode> filed = new LinkedHashMap<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String line : Files.readAllLines(Path.of("../deploy/local/sample/reports.jsonl"))) {
                ObjectNode report = (ObjectNode) MAPPER.readTree(line);
                if (report.path("invalid").asBoolean(false)) {
                    continue;
                }
                TestReports.Case reportCase = TestReports.Case.random();
                sends.add(producer.send(new ProducerRecord<>(Topics.REPORTS, reportCase.caseId().toString(),
                        TestReports.envelope("ReportFiled", UUID.randomUUID(), reportCase.caseId(),
                                asPayload(report, reportCase)))));
                filed.put(reportCase.caseId(), report);
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        }
        assertEquals(235, filed.size());

        await().atMost(Duration.ofSeconds(90)).until(() -> countReferrals(filed.keySet()) == expectedCount(filed));

        for (Map.Entry<UUID, JsonNode> entry : filed.entrySet()) {
            JsonNode report = entry.getValue();
            String id = report.path("externalId").asText();
            List<Referral> referrals = QuarkusTransaction.requiringNew()
                    .call(() -> Referral.<Referral>list("caseId = ?1 order by createdAt, id", entry.getKey()));

            assertEquals(expectedQueues(report), referrals.stream()
                    .map(referral -> referral.organisationId + "/" + referral.office).toList(), id);
            Instant deadline = acceptedAt(report).plus(expectedDeadline(report));
            for (Referral referral : referrals) {
                assertEquals(deadline, referral.deadline, id + " deadline at " + referral.organisationId);
            }
        }
    }

    private static ObjectNode asPayload(ObjectNode report, TestReports.Case reportCase) {
        ObjectNode payload = report.deepCopy();
        payload.put("reference", reportCase.reference());
        payload.put("acceptedAt", acceptedAt(report).toString());
        ObjectNode reporter = (ObjectNode) payload.path("reporter");
        reporter.remove(List.of("name", "phone"));
        return payload;
    }

    private static Instant acceptedAt(JsonNode report) {
        return OffsetDateTime.parse(report.path("receivedAt").asText()).toInstant().plusSeconds(2);
    }

    private static long countReferrals(Set<UUID> caseIds) {
        return QuarkusTransaction.requiringNew().call(() -> Referral.count("caseId in ?1", caseIds));
    }

    private static long expectedCount(Map<UUID, JsonNode> filed) {
        return filed.values().stream().mapToLong(report -> expectedQueues(report).size()).sum();
    }

    private static List<String> expectedQueues(JsonNode report) {
        String province = report.path("location").path("province").asText();
        List<String> queues = new ArrayList<>(List.of("nhri/" + province));
        boolean legalAid = report.path("legalAidRequested").asBoolean(false);
        for (JsonNode concern : report.path("concerns")) {
            legalAid |= LEGAL_AID_CONCERNS.contains(concern.asText());
        }
        if (legalAid) {
            queues.add("legal-aid-" + province.toLowerCase(Locale.ROOT) + "/" + province);
        }
        return queues;
    }

    private static Duration expectedDeadline(JsonNode report) {
        Duration deadline = switch (report.path("urgency").asText()) {
            case "IMMEDIATE_DANGER" -> Duration.ofHours(1);
            case "HIGH" -> Duration.ofHours(24);
            default -> Duration.ofHours(72);
        };
        for (JsonNode concern : report.path("concerns")) {
            String code = concern.asText();
            if ((code.equals("MISSING_CHILD") || code.equals("ABDUCTION")) && deadline.toHours() > 2) {
                deadline = Duration.ofHours(2);
            }
        }
        return deadline;
    }
}
