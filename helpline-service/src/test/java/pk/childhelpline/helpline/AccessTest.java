package pk.childhelpline.helpline;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class AccessTest {

    /** Every endpoint for operators and supervisors, as method and path. */
    private static final List<String[]> OPERATOR_ENDPOINTS = List.of(
            new String[]{"POST", "/api/reports"},
            new String[]{"GET", "/api/reports"},
            new String[]{"GET", "/api/reports/K7M2-9XQ4-T"},
            new String[]{"GET", "/api/reports/K7M2-9XQ4-T/contact"},
            new String[]{"PATCH", "/api/reports/K7M2-9XQ4-T"},
            new String[]{"GET", "/api/reports/K7M2-9XQ4-T/timeline"},
            new String[]{"POST", "/api/reports/K7M2-9XQ4-T/notes"},
            new String[]{"POST", "/api/reports/K7M2-9XQ4-T/links"},
            new String[]{"GET", "/api/incoming-sms"},
            new String[]{"POST", "/api/incoming-sms/0b5f3c1e-6a59-4f43-9d3e-0f0d7c1a2b3c/handled"},
            new String[]{"POST", "/api/incoming-sms/0b5f3c1e-6a59-4f43-9d3e-0f0d7c1a2b3c/report"});

    @Test
    void rejectsAnonymousOnOperatorApi() {
        expectEverywhere(401);
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {@SecurityAttribute(key = "org", value = "nhri"),
            @SecurityAttribute(key = "office", value = "PB")})
    void forbidsOfficerOnOperatorApi() {
        expectEverywhere(403);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void forbidsAdminOnOperatorApi() {
        expectEverywhere(403);
    }

    @Test
    void rejectsAnonymousOnContactReads() {
        given().get("/api/reports/K7M2-9XQ4-T/contact-reads").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer")
    void forbidsOfficerOnContactReads() {
        given().get("/api/reports/K7M2-9XQ4-T/contact-reads").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void allowsSupervisor() {
        given().get("/api/reports").then().statusCode(200);
        given().get("/api/incoming-sms").then().statusCode(200);
    }

    @Test
    void servesReferenceDataToEveryone() {
        given().get("/api/reference/concerns").then().statusCode(200)
                .body("total", equalTo(25))
                .body("items.find { it.code == 'ABDUCTION' }.group", equalTo("EXPLOITATION"))
                .body("items.find { it.code == 'ABDUCTION' }.articles.article", equalTo(List.of(11, 35)))
                .body("items.find { it.code == 'ABDUCTION' }.articles[1].title", equalTo("Sale, trafficking and abduction"));
        given().get("/api/reference/districts").then().statusCode(200).body("total", equalTo(169));
        given().queryParam("province", "BA").get("/api/reference/districts").then().statusCode(200)
                .body("total", equalTo(36))
                .body("items.find { it.name == 'Killa Abdullah' }.aliases.size()", greaterThan(0));
        given().queryParam("province", "Atlantis").get("/api/reference/districts").then().statusCode(400);
    }

    @Test
    void exposesMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("helpline_outbox_pending"));
        given().get("/q/openapi").then().statusCode(200);
    }

    private static void expectEverywhere(int status) {
        for (String[] endpoint : OPERATOR_ENDPOINTS) {
            Response response = given().contentType(ContentType.JSON).body("{}").request(endpoint[0], endpoint[1]);
            assertThat(response.statusCode()).as("%s %s", endpoint[0], endpoint[1]).isEqualTo(status);
            assertThat(response.contentType()).as("%s %s", endpoint[0], endpoint[1])
                    .startsWith("application/problem+json");
        }
    }
}
