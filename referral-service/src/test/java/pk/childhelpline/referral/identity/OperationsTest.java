package pk.childhelpline.referral.identity;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Health, metrics and the API document that operations rely on. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class OperationsTest {

    @Test
    void reportsKafkaHealthInItsOwnGroup() {
        given().when().get("/q/health/group/kafka")
                .then().statusCode(200).body("status", equalTo("UP")).body("checks[0].name", equalTo("kafka"));
    }

    @Test
    void exposesMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("referral_outbox_pending"));
    }

    @Test
    void publishesOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/referrals/{id}/claim"))
                .body(containsString("/api/routing-rules/dry-run"))
                .body(containsString("expectedVersion"));
    }
}
