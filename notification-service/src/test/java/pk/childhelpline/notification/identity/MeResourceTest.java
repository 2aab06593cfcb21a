package pk.childhelpline.notification.identity;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import pk.childhelpline.notification.support.SmscTestResource;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmscTestResource.class, restrictToAnnotatedClass = false)
class MeResourceTest {

    @Test
    void rejectsMissingTokenAsProblem() {
        given().when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void returnsCallerRoles() {
        given().when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("operator1"))
                .body("roles", hasItem("operator"));
    }

    @Test
    void reportsReadyWithDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }
}
