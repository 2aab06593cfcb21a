package pk.childhelpline.helpline.publicintake;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import pk.childhelpline.helpline.support.Db;
import pk.childhelpline.helpline.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class PublicIntakeTest {

    @Inject
    DataSource dataSource;

    @Test
    void filesReportWithoutLogin() {
        ObjectNode report = webReport();

        publicRequest(newAddress()).body(report.toString()).post("/api/public/reports")
                .then().statusCode(201)
                .body("reference", notNullValue())
                .body("$", not(hasKey("possibleDuplicates")));
    }

    @Test
    void replaysRetryWithSameKey() {
        ObjectNode report = webReport();
        String key = UUID.randomUUID().toString();
        String address = newAddress();

        String first = publicRequest(address).header("Idempotency-Key", key).body(report.toString())
                .post("/api/public/reports").then().statusCode(201).extract().path("reference");
        String second = publicRequest(address).header("Idempotency-Key", key).body(report.toString())
                .post("/api/public/reports").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("reference");

        assertThat(second).isEqualTo(first);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM report WHERE external_id = ?",
                report.path("externalId").asText())).isEqualTo(1);
        report.put("narrative", "A different report under the same key");
        publicRequest(address).header("Idempotency-Key", key).body(report.toString()).post("/api/public/reports")
                .then().statusCode(422).contentType(startsWith("application/problem+json"));
    }

    @Test
    void limitsRatePerAddress() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            publicRequest(address).body(webReport().toString()).post("/api/public/reports").then().statusCode(201);
        }

        publicRequest(address).body(webReport().toString()).post("/api/public/reports")
                .then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", notNullValue());
        publicRequest(newAddress()).body(webReport().toString()).post("/api/public/reports").then().statusCode(201);
    }

    @Test
    void rejectsBodyOverPublicLimit() {
        ObjectNode report = webReport();
        report.put("narrative", "x".repeat(70_000));

        publicRequest(newAddress()).body(report.toString()).post("/api/public/reports")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void validatesLikeOperatorApi() {
        ObjectNode report = webReport();
        TestReports.child(report, 0).put("ageYears", 19);
        report.put("channel", "PHONE_CALL");

        publicRequest(newAddress()).body(report.toString()).post("/api/public/reports")
                .then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("channel", "children[0].ageYears")));
        publicRequest(newAddress()).body("{nope").post("/api/public/reports")
                .then().statusCode(400).body("title", equalTo("Malformed JSON"));
        given().header("X-Forwarded-For", newAddress()).contentType(ContentType.TEXT).body("hello")
                .post("/api/public/reports").then().statusCode(415);
    }

    private static ObjectNode webReport() {
        ObjectNode report = TestReports.valid();
        report.put("channel", "WEB_FORM");
        return report;
    }

    private static RequestSpecification publicRequest(String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON);
    }

    private static String newAddress() {
        UUID random = UUID.randomUUID();
        return "10." + Math.floorMod(random.getMostSignificantBits(), 250) + "."
                + Math.floorMod(random.getLeastSignificantBits(), 250) + "." + Math.floorMod(random.hashCode(), 250);
    }
}
