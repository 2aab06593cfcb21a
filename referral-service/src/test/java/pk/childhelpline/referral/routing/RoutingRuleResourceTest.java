package pk.childhelpline.referral.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import pk.childhelpline.referral.queue.Referral;
import pk.childhelpline.referral.support.Fixtures;
import pk.childhelpline.referral.support.TestKafka;
import pk.childhelpline.referral.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class RoutingRuleResourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void returnsRulesInForce() {
        given().when().get("/api/routing-rules")
                .then().statusCode(200)
                .body("version", greaterThanOrEqualTo(1))
                .body("rules.id", hasItem("nhri-incident-province"))
                .body("rules.id", hasItem("deadline-missing-or-abducted"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void rejectsSupervisorEdits() {
        given().when().get("/api/routing-rules").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"rules\": []}").when().put("/api/routing-rules")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer")
    void rejectsOfficerDryRun() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/routing-rules/dry-run")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void rejectsInvalidRulesNamingField() {
        Map<String, String> cases = Map.of(
                "{\"concerns\": [\"SHOUTING\"]}", "rules[0].match.concerns[0]",
                "{\"groups\": [\"CRIME\"]}", "rules[0].match.groups[0]",
                "{\"provinces\": [\"XX\"]}", "rules[0].match.provinces[0]");
        int version = given().when().get("/api/routing-rules").then().extract().path("version");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            given().contentType(ContentType.JSON)
                    .body("{\"rules\": [{\"id\": \"bad\", \"match\": " + entry.getKey()
                            + ", \"action\": {\"destinationType\": \"NHRI\", \"office\": \"NATIONAL\"}}]}")
                    .when().put("/api/routing-rules")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(entry.getValue()));
        }
        given().contentType(ContentType.JSON)
                .body("{\"rules\": [{\"id\": \"bad\", \"action\": {\"destinationType\": \"POLICE\", \"office\": \"PB\"}}]}")
                .when().put("/api/routing-rules")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("rules[0].action.destinationType"))
                .body("errors[0].message", containsString("POLICE"));
        given().contentType(ContentType.JSON)
                .body("{\"rules\": [{\"id\": \"typo\", \"match\": {\"concern\": [\"NEGLECT\"]}, \"action\": {\"priority\": \"LOW\"}}]}")
                .when().put("/api/routing-rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rules[0].match.concern"));
        given().when().get("/api/routing-rules").then().body("version", equalTo(version));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void dryRunShowsDestinationsAndReasons() {
        String report = """
                {"externalId": "R-0001", "receivedAt": "2026-10-01T12:51:02+05:00", "channel": "PHONE_CALL",
                 "reporter": {"relationship": "OTHER", "name": "Test", "phone": "+92 303 5557728"},
                 "children": [{"ageYears": 3, "gender": "MALE", "district": "Karachi Central", "province": "SD"}],
                 "concerns": ["MISSING_CHILD", "SEPARATION_FROM_PARENTS"], "urgency": "HIGH",
                 "legalAidRequested": false, "narrative": "A lost boy.",
                 "acceptedAt": "2026-10-01T07:51:03Z",
                 "location": {"district": "Karachi Central", "province": "SD"}}""";

        given().contentType(ContentType.JSON).body(report).when().post("/api/routing-rules/dry-run")
                .then().statusCode(200)
                .body("destinations.size()", equalTo(1))
                .body("destinations[0].type", equalTo("NHRI"))
                .body("destinations[0].office", equalTo("SD"))
                .body("destinations[0].organisationId", equalTo("nhri"))
                .body("destinations[0].priority", equalTo("CRITICAL"))
                .body("destinations[0].deadline", equalTo("2026-10-01T09:51:03Z"))
                .body("rules.find { it.id == 'legal-aid-requested' }.matched", equalTo(false))
                .body("rules.find { it.id == 'deadline-missing-or-abducted' }.matched", equalTo(true))
                .body("rules.find { it.id == 'deadline-high' }.reasons[0]", containsString("HIGH"));
        given().contentType(ContentType.JSON).body("{\"concerns\": [\"X\"], \"urgency\": \"HIGH\"}")
                .when().post("/api/routing-rules/dry-run")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("concerns[0]"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void addsDestinationTypeWithTopic() throws Exception {
        given().contentType(ContentType.JSON).body("""
                {"id": "missing-children-agency", "name": "National agency for missing children",
                 "type": "MISSING_CHILDREN_AGENCY", "offices": [{"code": "NATIONAL", "name": "Head office"}]}""")
                .when().post("/api/organisations").then().statusCode(201);
        int version = given().when().get("/api/routing-rules").then().extract().path("version");
        ArrayNode rules = MAPPER.valueToTree(RuleSetStore.loadDefaults(MAPPER));
        ObjectNode rule = rules.addObject();
        rule.put("id", "missing-children-agency");
        rule.putObject("match").putArray("concerns").add("MISSING_CHILD");
        rule.putObject("action").put("destinationType", "MISSING_CHILDREN_AGENCY").put("office", "NATIONAL")
                .put("deadline", "PT2H");
        ObjectNode update = MAPPER.createObjectNode();
        update.set("rules", rules);
        update.put("expectedVersion", version);

        try {
            given().contentType(ContentType.JSON).body(update.toString()).when().put("/api/routing-rules")
                    .then().statusCode(200).body("version", equalTo(version + 1)).body("savedBy", equalTo("admin1"));
            given().contentType(ContentType.JSON).body(update.toString()).when().put("/api/routing-rules")
                    .then().statusCode(409).contentType("application/problem+json");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestKafka.bootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                assertTrue(topics.contains("referrals.missing-children-agency.v1"), topics.toString());
            }
            List<Referral> referrals = fixtures.file(TestReports.Case.random(), "IS", List.of("MISSING_CHILD"), "LOW",
                    false, Instant.now());
            assertEquals(List.of("nhri/IS", "missing-children-agency/NATIONAL"),
                    referrals.stream().map(referral -> referral.organisationId + "/" + referral.office).toList());
        } finally {
            ObjectNode defaults = MAPPER.createObjectNode();
            defaults.set("rules", MAPPER.valueToTree(RuleSetStore.loadDefaults(MAPPER)));
            given().contentType(ContentType.JSON).body(defaults.toString()).when().put("/api/routing-rules")
                    .then().statusCode(200);
        }
    }
}
