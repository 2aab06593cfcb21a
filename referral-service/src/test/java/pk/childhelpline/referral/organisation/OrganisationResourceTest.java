package pk.childhelpline.referral.organisation;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class OrganisationResourceTest {

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void listsSeededOrganisations() {
        given().queryParam("type", "LEGAL_AID").when().get("/api/organisations")
                .then().statusCode(200)
                .body("total", equalTo(7))
                .body("items.id", hasItems("legal-aid-pb", "legal-aid-sd", "legal-aid-kp", "legal-aid-ba",
                        "legal-aid-is", "legal-aid-gb", "legal-aid-ajk"));
        given().when().get("/api/organisations/nhri")
                .then().statusCode(200)
                .body("type", equalTo("NHRI"))
                .body("offices.code", hasItems("NATIONAL", "PB", "SD", "KP", "BA", "IS", "GB", "AJK"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void rejectsUnknownOfficeCode() {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"legal-aid-x\", \"name\": \"X\", \"type\": \"LEGAL_AID\", \"offices\": [{\"code\": \"XX\", \"name\": \"X\"}]}")
                .when().post("/api/organisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("offices[0].code"));
        given().when().get("/api/organisations/legal-aid-x").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void rejectsOperator() {
        given().when().get("/api/organisations").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer")
    void rejectsOfficerEdits() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"Renamed\", \"type\": \"NHRI\", \"offices\": [{\"code\": \"PB\", \"name\": \"PB\"}]}")
                .when().put("/api/organisations/nhri")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void validatesOfficerAccount() {
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"A\", \"office\": \"SD\", \"temporaryPassword\": \"short\"}")
                .when().post("/api/organisations/legal-aid-pb/officers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("username", "office", "temporaryPassword"));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/organisations/no-such-organisation/officers")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void reportsUnreachableKeycloak() {
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"legal-pb-2\", \"office\": \"PB\", \"temporaryPassword\": \"change-me-at-first-login\"}")
                .when().post("/api/organisations/legal-aid-pb/officers")
                .then().statusCode(502).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("nothing was created"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void rejectsSupervisorCreatingOfficer() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/organisations/nhri/officers")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
