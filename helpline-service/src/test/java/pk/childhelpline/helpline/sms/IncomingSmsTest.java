package pk.childhelpline.helpline.sms;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "operator1", roles = "operator")
class IncomingSmsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void listsNewestFirstOnce() throws Exception {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        String olderEvent = smsEvent(older, "madad chahiye", "2031-01-01T10:00:00Z");

        TopicReader.send(Topics.INCOMING_SMS, older.toString(), olderEvent);
        TopicReader.send(Topics.INCOMING_SMS, older.toString(), olderEvent);
        TopicReader.send(Topics.INCOMING_SMS, newer.toString(), smsEvent(newer, "please help", "2031-01-01T11:00:00Z"));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/incoming-sms").then().statusCode(200)
                .body("items.id", hasItem(newer.toString())).body("items.id", hasItem(older.toString())));
        given().get("/api/incoming-sms").then().statusCode(200)
                .body("items[0].id", equalTo(newer.toString()))
                .body("items[1].id", equalTo(older.toString()))
                .body("items[1].sender", equalTo("*********4567"))
                .body("items.findAll { it.id == '" + older + "' }.size()", equalTo(1));
    }

    @Test
    void marksHandledWithNote() throws Exception {
        UUID id = receive("theek hoon ab");

        given().contentType(ContentType.JSON).body("{\"note\": \"Called back; child is safe\"}")
                .post("/api/incoming-sms/" + id + "/handled").then().statusCode(200)
                .body("status", equalTo("HANDLED"))
                .body("handledBy", equalTo("operator1"));
        given().contentType(ContentType.JSON).body("{\"note\": \"again\"}")
                .post("/api/incoming-sms/" + id + "/handled").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{}")
                .post("/api/incoming-sms/" + UUID.randomUUID() + "/handled").then().statusCode(400);
    }

    @Test
    void turnsSmsIntoReport() throws Exception {
        UUID id = receive("mera bhai ghar nahi aaya");
        ObjectNode report = TestReports.valid();
        report.put("channel", "SMS");
        TestReports.reporter(report).remove("phone");
        TestReports.reporter(report).remove("name");

        String reference = given().contentType(ContentType.JSON).body(report.toString())
                .post("/api/incoming-sms/" + id + "/report").then().statusCode(201)
                .body("warnings.size()", lessThan(1))
                .extract().path("reference");

        given().get("/api/reports/" + reference + "/contact").then().statusCode(200)
                .body("phone", equalTo("+923331234567"));
        given().queryParam("status", "REPORTED").get("/api/incoming-sms").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.reference", equalTo(reference));
    }

    private static UUID receive(String text) throws Exception {
        UUID id = UUID.randomUUID();
        TopicReader.send(Topics.INCOMING_SMS, id.toString(), smsEvent(id, text, "2026-11-02T18:20:00Z"));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("status", "NEW").queryParam("size", 1000)
                .get("/api/incoming-sms").then().body("items.id", hasItem(id.toString())));
        return id;
    }

    private static String smsEvent(UUID smsId, String text, String receivedAt) throws Exception {
        String sender = text.startsWith("mera") ? "+923331234567" : "+923001234567";
        ObjectNode event = TestReports.MAPPER.createObjectNode();
        event.put("type", "IncomingSmsReceived").put("version", 1).put("eventId", UUID.randomUUID().toString())
                .put("occurredAt", receivedAt).put("caseId", smsId.toString());
        ObjectNode payload = event.putObject("payload");
        payload.put("smsId", smsId.toString());
        payload.putObject("from").put("keyId", "t1").put("ciphertext", TransportKeys.encrypt(sender, smsId.toString()));
        payload.put("text", text).put("receivedAt", receivedAt);
        return event.toString();
    }
}
