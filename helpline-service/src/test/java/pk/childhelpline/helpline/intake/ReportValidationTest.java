package pk.childhelpline.helpline.intake;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import pk.childhelpline.helpline.support.Db;
import pk.childhelpline.helpline.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static pk.childhelpline.helpline.support.TestReports.child;
import static pk.childhelpline.helpline.support.TestReports.reporter;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "operator1", roles = "operator")
class ReportValidationTest {

    @Inject
    DataSource dataSource;

    static Stream<Arguments> invalidReports() {
        return Stream.of(
                invalid("unknown concern", r -> r.putArray("concerns").add("BULLYING"), "concerns[0]", "CHILD_LABOUR"),
                invalid("no concern", r -> r.putArray("concerns"), "concerns", "empty"),
                invalid("missing concerns", r -> r.remove("concerns"), "concerns", "empty"),
                invalid("unknown district", r -> child(r, 0).put("district", "Atlantis"), "children[0].district",
                        "not a known district of Punjab"),
                invalid("district outside province", r -> child(r, 0).put("district", "Swat"), "children[0].district",
                        "Khyber Pakhtunkhwa"),
                invalid("location outside province", r -> ((ObjectNode) r.get("location")).put("province", "SD"),
                        "location.district", "Punjab"),
                invalid("unknown province", r -> child(r, 0).put("province", "XX"), "children[0].province", "PB"),
                invalid("age above seventeen", r -> child(r, 0).put("ageYears", 18), "children[0].ageYears", "17"),
                invalid("negative age", r -> child(r, 0).put("ageYears", -1), "children[0].ageYears", "0"),
                invalid("fractional age", r -> child(r, 0).put("ageYears", 3.5), "children[0].ageYears", "wrong type"),
                invalid("empty narrative", r -> r.put("narrative", ""), "narrative", "must not be empty"),
                invalid("blank narrative", r -> r.put("narrative", "   \n"), "narrative", "must not be empty"),
                invalid("missing narrative", r -> r.remove("narrative"), "narrative", "must not be empty"),
                invalid("narrative too long", r -> r.put("narrative", "a".repeat(8001)), "narrative", "8000"),
                invalid("unknown channel", r -> r.put("channel", "FAX"), "channel", "PHONE_CALL"),
                invalid("unknown urgency", r -> r.put("urgency", "SOON"), "urgency", "IMMEDIATE_DANGER"),
                invalid("unknown gender", r -> child(r, 0).put("gender", "GIRL"), "children[0].gender", "FEMALE"),
                invalid("unknown relationship", r -> reporter(r).put("relationship", "COUSIN"), "reporter.relationship",
                        "NEIGHBOUR"),
                invalid("unknown language", r -> reporter(r).put("preferredLanguage", "fr"),
                        "reporter.preferredLanguage", "ur-Latn"),
                invalid("missing channel", r -> r.remove("channel"), "channel", "null"),
                invalid("missing children", r -> r.remove("children"), "children", "empty"),
                invalid("no children", r -> r.putArray("children"), "children", "empty"),
                invalid("missing gender", r -> child(r, 0).remove("gender"), "children[0].gender", "null"),
                invalid("future receipt", r -> r.put("receivedAt", "2099-01-01T00:00:00+05:00"), "receivedAt", "future"),
                invalid("unknown field", r -> r.put("concern", "NEGLECT"), "concern", "not a field"));
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> change, String field, String hint) {
        return Arguments.of(name, change, field, hint);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReports")
    void rejectsInvalidReport(String name, Consumer<ObjectNode> change, String field, String hint) {
        ObjectNode report = TestReports.valid();
        change.accept(report);
        long reportsBefore = Db.count(dataSource, "SELECT count(*) FROM report");
        long eventsBefore = Db.count(dataSource, "SELECT count(*) FROM outbox_event");

        Response response = given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).contains(field);
        String message = response.jsonPath().getString("errors.find { it.field == '" + field + "' }.message");
        assertThat(message).containsIgnoringCase(hint);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM report")).isEqualTo(reportsBefore);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM outbox_event")).isEqualTo(eventsBefore);
    }

    @Test
    void listsEveryInvalidField() {
        ObjectNode report = TestReports.valid();
        child(report, 0).put("ageYears", 19);
        child(report, 0).put("district", "Atlantis");
        report.put("narrative", "");

        given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("children[0].ageYears", "children[0].district", "narrative")));
    }

    @Test
    void rejectsMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"channel\": \"PHONE_CALL\",").post("/api/reports")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void rejectsWrongContentType() {
        given().contentType(ContentType.TEXT).body(TestReports.valid().toString()).post("/api/reports")
                .then().statusCode(415)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(415));
    }

    @Test
    void rejectsBodyOverOneMegabyte() {
        ObjectNode report = TestReports.valid();
        report.put("narrative", "x".repeat(1_100_000));

        given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413));
    }

    @Test
    void acceptsAlternativeSpellings() {
        ObjectNode report = TestReports.valid();
        child(report, 0).put("district", "Qila Abdullah").put("province", "BA");
        ObjectNode second = ((com.fasterxml.jackson.databind.node.ArrayNode) report.get("children")).addObject();
        second.put("gender", "MALE").put("district", "jafarabad").put("province", "balochistan");
        ObjectNode third = ((com.fasterxml.jackson.databind.node.ArrayNode) report.get("children")).addObject();
        third.put("ageYears", 4).put("gender", "UNKNOWN").put("district", "NAWABSHAH").put("province", "sd");
        ((ObjectNode) report.get("location")).put("district", "D.G. Khan").put("province", "Punjab");

        String reference = given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(201).extract().path("reference");

        given().get("/api/reports/" + reference).then().statusCode(200)
                .body("children[0].district", equalTo("Killa Abdullah"))
                .body("children[1].district", equalTo("Jaffarabad"))
                .body("children[1].province", equalTo("BA"))
                .body("children[1].ageYears", equalTo(null))
                .body("children[2].district", equalTo("Shaheed Benazirabad"))
                .body("location.district", equalTo("Dera Ghazi Khan"))
                .body("location.province", equalTo("PB"));
    }

    @Test
    void acceptsLongUnicodeNarrative() {
        ObjectNode report = TestReports.valid();
        String urdu = "بچی کو روزانہ مارا جاتا ہے 😢 ";
        String narrative = urdu.repeat(8000 / urdu.codePointCount(0, urdu.length()) + 1);
        narrative = narrative.substring(0, narrative.offsetByCodePoints(0, 8000));
        report.put("narrative", narrative);

        String reference = given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(201).extract().path("reference");

        given().get("/api/reports/" + reference).then().statusCode(200).body("narrative", equalTo(narrative));
    }

    @Test
    void warnsAboutLandlineAndKeepsReport() {
        ObjectNode report = TestReports.valid();
        reporter(report).put("phone", "042-35761234");

        String reference = given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(201)
                .body("warnings.field", hasItem("reporter.phone"))
                .body("warnings.field", hasItem("reporter.smsConsent"))
                .body("warnings.find { it.field == 'reporter.phone' }.message", containsString("landline"))
                .extract().path("reference");

        given().get("/api/reports/" + reference).then().statusCode(200)
                .body("reporter.hasPhone", equalTo(true))
                .body("reporter.smsEnabled", equalTo(false));
    }

    @Test
    void warnsAboutShortCode() {
        ObjectNode report = TestReports.valid();
        reporter(report).put("phone", "12345");

        given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(201)
                .body("warnings.find { it.field == 'reporter.phone' }.message", containsString("not a valid phone number"));
    }

    @Test
    void warnsAboutConsentWithoutPhone() {
        ObjectNode report = TestReports.valid();
        reporter(report).remove("phone");

        given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                .then().statusCode(201)
                .body("warnings.field", equalTo(List.of("reporter.smsConsent")));
    }

    @Test
    void normalisesMobileNumbers() {
        for (String phone : List.of("0300-1234567", "+92 300 1234567", "923001234567", "0092 300 1234567")) {
            ObjectNode report = TestReports.valid();
            reporter(report).put("phone", phone);

            String reference = given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports")
                    .then().statusCode(201)
                    .body("warnings", equalTo(List.of()))
                    .extract().path("reference");

            given().get("/api/reports/" + reference + "/contact").then().statusCode(200)
                    .body("phone", equalTo("+923001234567"))
                    .body("phoneKind", equalTo("MOBILE"));
        }
    }
}
