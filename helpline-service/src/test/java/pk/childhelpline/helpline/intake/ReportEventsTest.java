package pk.childhelpline.helpline.intake;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import pk.childhelpline.helpline.outbox.Topics;
import pk.childhelpline.helpline.support.TestReports;
import pk.childhelpline.helpline.support.TopicReader;
import pk.childhelpline.helpline.support.TransportKeys;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.LocalKafka;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static pk.childhelpline.helpline.support.TestReports.reporter;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "operator1", roles = "operator")
class ReportEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void publishesReportFiledWithoutContactDetails() throws Exception {
        ObjectNode report = TestReports.valid();
        ((ObjectNode) report.get("location")).put("district", "lahore");
        String reference = file(report);

        JsonNode event = single(Topics.REPORTS, reference, "ReportFiled");

        assertThat(event.path("version").asInt()).isEqualTo(1);
        assertThat(event.path("eventId").asText()).hasSize(36);
        assertThat(event.path("occurredAt").asText()).isNotEmpty();
        JsonNode payload = event.path("payload");
        assertThat(payload.path("externalId").asText()).isEqualTo(report.path("externalId").asText());
        assertThat(payload.path("receivedAt").asText()).isEqualTo("2026-11-20T10:15:00+05:00");
        assertThat(payload.path("acceptedAt").asText()).isNotEmpty();
        assertThat(payload.path("reporter").has("name")).isFalse();
        assertThat(payload.path("reporter").has("phone")).isFalse();
        assertThat(payload.path("reporter").path("preferredLanguage").asText()).isEqualTo("ur-Latn");
        assertThat(payload.path("children").get(0).path("district").asText()).isEqualTo("Lahore");
        assertThat(payload.path("location").path("district").asText()).isEqualTo("Lahore");
        assertThat(payload.path("location").path("province").asText()).isEqualTo("PB");
        assertThat(payload.path("concerns").get(0).asText()).isEqualTo("CHILD_LABOUR");
        assertThat(event.toString()).doesNotContain("Test Caller").doesNotContain("1234567");
    }

    @Test
    void publishesEncryptedSubscription() throws Exception {
        String reference = file(TestReports.valid());

        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.SUBSCRIPTIONS,
                record -> record.value().contains(reference), 1, WAIT);

        assertThat(records).hasSize(1);
        JsonNode event = TestReports.MAPPER.readTree(records.get(0).value());
        assertThat(records.get(0).key()).isEqualTo(event.path("caseId").asText());
        assertThat(event.path("type").asText()).isEqualTo("ReporterSubscribed");
        JsonNode payload = event.path("payload");
        assertThat(payload.path("language").asText()).isEqualTo("ur-Latn");
        assertThat(payload.path("safeToContact").asBoolean()).isFalse();
        assertThat(payload.path("mobileNumber").path("keyId").asText()).isEqualTo("t1");
        assertThat(TransportKeys.decrypt(payload.path("mobileNumber").path("ciphertext").asText(), reference))
                .isEqualTo("+923001234567");
    }

    @Test
    void skipsSubscriptionForLandlineAndRejectedReport() throws Exception {
        ObjectNode landline = TestReports.valid();
        reporter(landline).put("phone", "042-35761234");
        String landlineReference = file(landline);
        ObjectNode rejected = TestReports.valid();
        rejected.put("urgency", "SOON");
        given().contentType(ContentType.JSON).body(rejected.toString()).post("/api/reports").then().statusCode(400);
        String mobileReference = file(TestReports.valid());

        // The relay publishes in outbox order, so once the later report's events are there, earlier ones would be too.
        assertThat(TopicReader.read(Topics.SUBSCRIPTIONS, record -> record.value().contains(mobileReference), 1, WAIT))
                .hasSize(1);
        assertThat(TopicReader.read(Topics.REPORTS, record -> record.value().contains(mobileReference), 1, WAIT))
                .hasSize(1);
        List<ConsumerRecord<String, String>> subscriptions = TopicReader.readAll(Topics.SUBSCRIPTIONS);
        assertThat(subscriptions).noneMatch(record -> record.value().contains(landlineReference));
        List<ConsumerRecord<String, String>> reports = TopicReader.readAll(Topics.REPORTS);
        assertThat(reports).anyMatch(record -> record.value().contains(landlineReference));
        assertThat(reports).noneMatch(record -> record.value().contains(rejected.path("externalId").asText()));
    }

    @Test
    void relayCatchesUpAfterKafkaOutage() throws Exception {
        LocalKafka.stopBroker();
        String reference;
        try {
            reference = file(TestReports.valid());
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/group/kafka").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/api/reports/" + reference).then().statusCode(200);
        } finally {
            LocalKafka.startBroker();
        }

        JsonNode event = single(Topics.REPORTS, reference, "ReportFiled");

        assertThat(event.path("payload").path("reference").asText()).isEqualTo(reference);
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(
                () -> given().get("/q/health/group/kafka").then().statusCode(200).body("status", equalTo("UP")));
    }

    private static String file(ObjectNode report) {
        return given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(201).extract().path("reference");
    }

    private static JsonNode single(String topic, String reference, String type) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.read(topic,
                record -> record.value().contains(reference) && record.value().contains("\"" + type + "\""), 1, WAIT);
        assertThat(records).as("%s of %s on %s", type, reference, topic).hasSize(1);
        JsonNode event = TestReports.MAPPER.readTree(records.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo(type);
        assertThat(records.get(0).key()).isEqualTo(event.path("caseId").asText());
        return event;
    }
}
