package pk.childhelpline.helpline.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import pk.childhelpline.helpline.outbox.Topics;
import pk.childhelpline.helpline.support.TestReports;
import pk.childhelpline.helpline.support.TopicReader;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "operator1", roles = "operator")
class ReferralStatusConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void appliesStatusEventsOnce() {
        String reference = given().contentType(ContentType.JSON).body(TestReports.valid().toString())
                .post("/api/reports").then().statusCode(201).extract().path("reference");
        String created = statusEvent(UUID.randomUUID(), reference, null, "PENDING", 1);

        TopicReader.send(Topics.REFERRAL_STATUS, "case", created);
        TopicReader.send(Topics.REFERRAL_STATUS, "case", created);
        TopicReader.send(Topics.REFERRAL_STATUS, "case",
                statusEvent(UUID.randomUUID(), reference, "PENDING", "ACCEPTED", 1));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/reports/" + reference).then()
                .body("status", equalTo("IN_PROGRESS")));
        List<String> statuses = given().get("/api/reports/" + reference + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.kind == 'REFERRAL_STATUS' }.toStatus");
        assertThat(statuses).containsExactly("PENDING", "ACCEPTED");

        TopicReader.send(Topics.REFERRAL_STATUS, "case",
                statusEvent(UUID.randomUUID(), reference, "ACCEPTED", "RESOLVED", 0));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/reports/" + reference).then()
                .body("status", equalTo("CLOSED")));
    }

    @Test
    void sendsUnknownTypeToDeadLetterTopic() {
        String marker = UUID.randomUUID().toString();
        TopicReader.send(Topics.REFERRAL_STATUS, "case",
                "{\"type\": \"ReferralExploded\", \"version\": 1, \"eventId\": \"" + marker + "\", \"payload\": {}}");

        List<ConsumerRecord<String, String>> dead = TopicReader.read(Topics.REFERRAL_STATUS + ".dlq",
                record -> record.value().contains(marker), 1, WAIT);

        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8))
                .contains("ReferralExploded");
        assertThat(new String(dead.get(0).headers().lastHeader("dlq-source-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.REFERRAL_STATUS);
    }

    private static String statusEvent(UUID eventId, String reference, String from, String to, int open) {
        return """
                {"type": "ReferralStatusChanged", "version": 1, "eventId": "%s",
                 "occurredAt": "2026-11-20T06:00:00Z", "caseId": "case",
                 "payload": {"referralId": "r-1", "reference": "%s",
                   "destination": {"type": "NHRI", "organisationId": "nhri", "office": "PB"},
                   "fromStatus": %s, "toStatus": "%s", "changedAt": "2026-11-20T06:00:00Z", "changedBy": "nhri-pb",
                   "reason": null, "outcome": null, "openReferralsOfCase": %d, "firstAcceptanceOfCase": false}}
                """.formatted(eventId, reference, from == null ? "null" : "\"" + from + "\"", to, open);
    }
}
