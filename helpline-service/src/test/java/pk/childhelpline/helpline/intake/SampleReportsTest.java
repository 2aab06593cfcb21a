package pk.childhelpline.helpline.intake;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import pk.childhelpline.helpline.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class SampleReportsTest {

    /** The invalid lines of the sample file and the field that each one's problem must name. */
    private static final Map<Integer, String> INVALID_FIELDS = Map.of(111, "concerns", 126, "children[0].ageYears", 169,
            "children[0].district", 190, "urgency", 238, "narrative");

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void filesEverySampleLine() throws Exception {
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("/sample/reports.jsonl")), StandardCharsets.UTF_8))) {
            lines = reader.lines().toList();
        }
        assertThat(lines).hasSize(240);
        Map<String, String> references = new HashMap<>();
        Map<Integer, Response> responses = new HashMap<>();
        int accepted = 0;
        int rejected = 0;

        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            ObjectNode report = (ObjectNode) TestReports.MAPPER.readTree(lines.get(i));
            boolean invalid = report.path("invalid").asBoolean(false);
            report.remove("invalid");
            report.remove("why");
            Response response = given().contentType(ContentType.JSON).body(report.toString()).post("/api/reports");
            responses.put(lineNumber, response);
            if (invalid) {
                rejected++;
                assertThat(response.statusCode()).as("line %d", lineNumber).isEqualTo(400);
                assertThat(response.contentType()).as("line %d", lineNumber).startsWith("application/problem+json");
                List<String> fields = response.jsonPath().getList("errors.field");
                assertThat(fields).as("line %d", lineNumber).contains(INVALID_FIELDS.get(lineNumber));
            } else {
                accepted++;
                assertThat(response.statusCode()).as("line %d: %s", lineNumber, response.asString()).isEqualTo(201);
                String reference = response.jsonPath().getString("reference");
                assertThat(reference).as("line %d", lineNumber).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]");
                assertThat(response.header("Location")).as("line %d", lineNumber).endsWith("/api/reports/" + reference);
                assertThat(response.jsonPath().getList("warnings")).as("line %d", lineNumber).isNotNull();
                assertThat(response.jsonPath().getList("possibleDuplicates")).as("line %d", lineNumber).isNotNull();
                assertThat(references.put(reference, report.path("externalId").asText())).isNull();
            }
        }

        assertThat(accepted).isEqualTo(235);
        assertThat(rejected).isEqualTo(5);
        assertThat(INVALID_FIELDS.keySet()).allMatch(line -> responses.get(line).statusCode() == 400);
        for (int line : List.of(43, 91, 110, 181)) {
            assertThat(responses.get(line).jsonPath().getList("warnings.field", String.class)).as("line %d", line)
                    .contains("reporter.phone");
        }
        String firstOfPair = responses.get(53).jsonPath().getString("reference");
        assertThat(responses.get(54).jsonPath().getList("possibleDuplicates.reference", String.class))
                .contains(firstOfPair);
        given().queryParam("q", "R-0111").get("/api/reports").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }
}
