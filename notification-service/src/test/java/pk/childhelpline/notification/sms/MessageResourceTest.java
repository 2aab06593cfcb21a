package pk.childhelpline.notification.sms;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import pk.childhelpline.notification.crypto.Crypto;
import pk.childhelpline.notification.support.SmscTestResource;
import pk.childhelpline.notification.support.TestEvents;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmscTestResource.class, restrictToAnnotatedClass = false)
class MessageResourceTest {

    @Inject
    OutgoingMessages outgoing;

    @Inject
    Crypto crypto;

    @Test
    void rejectsMissingToken() {
        given().when().get("/api/messages")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void rejectsOperator() {
        given().when().get("/api/messages/stats")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void listsMessagesOfReference() {
        String reference = TestEvents.newReference();
        String number = TestEvents.newNumber();
        QuarkusTransaction.requiringNew().run(() -> {
            outgoing.queueReply(UUID.randomUUID(), MessageKind.STATUS_REPLY, "received", "en", false, number,
                    crypto.hashNumber(number), reference);
            outgoing.queueReply(UUID.randomUUID(), MessageKind.STATUS_REPLY, "accepted", "en", false, number,
                    crypto.hashNumber(number), reference);
        });

        given().queryParam("reference", reference.toLowerCase().replace("-", " ")).queryParam("size", 1)
                .when().get("/api/messages")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.size()", equalTo(1))
                .body("items[0].reference", equalTo(reference))
                .body("items", everyItem(org.hamcrest.Matchers.not(hasKey("text"))));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void rejectsInvalidReference() {
        given().queryParam("reference", "K7M2")
                .when().get("/api/messages")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reference"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void rejectsOversizedPage() {
        given().queryParam("size", 1001)
                .when().get("/api/messages")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void returnsStatistics() {
        String number = TestEvents.newNumber();
        QuarkusTransaction.requiringNew().run(() -> outgoing.queueReply(UUID.randomUUID(),
                MessageKind.INCOMING_ACK, "incoming-ack", "en", false, number, crypto.hashNumber(number), null));

        given().when().get("/api/messages/stats")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("inDoubt", notNullValue())
                .body("byStatus", hasKey("DELIVERED"))
                .body("perDay[0].parts", greaterThanOrEqualTo(1));
    }

    @Test
    void exposesOpenApiAndMetrics() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", hasKey("/api/messages/stats"));
        given().when().get("/q/metrics")
                .then().statusCode(200);
    }
}
