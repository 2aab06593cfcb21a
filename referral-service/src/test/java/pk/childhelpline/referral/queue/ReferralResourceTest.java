package pk.childhelpline.referral.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import pk.childhelpline.referral.events.Topics;
import pk.childhelpline.referral.support.Database;
import pk.childhelpline.referral.support.Fixtures;
import pk.childhelpline.referral.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ReferralResourceTest {

    private static final List<String> ACTIONS = List.of("claim", "start", "notes", "resolve", "close", "reject",
            "transfer");

    @Inject
    Fixtures fixtures;

    @Test
    void rejectsMissingTokenAsProblem() {
        given().when().get("/api/referrals")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    @TestSecurity(user = "operator1", roles = "operator")
    void rejectsOperator() {
        given().when().get("/api/referrals")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().contentType(ContentType.JSON).when().post("/api/referrals/" + UUID.randomUUID() + "/claim")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void rejectsAdmin() {
        given().when().get("/api/referrals").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void listsOnlyOwnOfficeQueue() {
        UUID own = fixtures.fileOne("PB", "NEGLECT", "LOW");
        UUID other = fixtures.fileOne("SD", "NEGLECT", "LOW");

        given().queryParam("size", 1000).when().get("/api/referrals")
                .then().statusCode(200)
                .body("items.destination.organisationId", everyItem(equalTo("nhri")))
                .body("items.destination.office", everyItem(equalTo("PB")))
                .body("items.id", hasItem(own.toString()))
                .body("items.id", not(hasItem(other.toString())));
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void hidesOtherOfficesOnEveryEndpoint() {
        UUID otherOffice = fixtures.fileOne("SD", "CHILD_MARRIAGE", "HIGH");
        UUID otherOrganisation = Database.referralsOf(Database.referral(fixtures.fileOne("PB", "BONDED_LABOUR",
                "HIGH")).caseId).get(1).id;
        assertEquals("legal-aid-pb", Database.referral(otherOrganisation).organisationId);

        for (UUID id : List.of(otherOffice, otherOrganisation, UUID.randomUUID())) {
            given().when().get("/api/referrals/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            for (String action : ACTIONS) {
                given().contentType(ContentType.JSON).body(bodyFor(action))
                        .when().post("/api/referrals/" + id + "/" + action)
                        .then().statusCode(404).contentType("application/problem+json");
            }
        }
        assertEquals(ReferralStatus.PENDING, Database.referral(otherOffice).status);
        assertEquals(1, Database.historyOf(otherOffice).size());
    }

    @Test
    @TestSecurity(user = "legal-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "legal-aid-pb"), @SecurityAttribute(key = "office", value = "PB")})
    void showsReportWithoutReporter() {
        List<Referral> referrals = fixtures.file(TestReports.Case.random(), "PB", List.of("BONDED_LABOUR"), "HIGH",
                false, Instant.now());
        UUID legalAid = referrals.get(1).id;

        given().when().get("/api/referrals/" + legalAid)
                .then().statusCode(200)
                .body("destination.organisationId", equalTo("legal-aid-pb"))
                .body("report.concerns", hasItem("BONDED_LABOUR"))
                .body("report.narrative", not(emptyOrNullString()))
                .body("report.children[0].ageYears", equalTo(9))
                .body("report.location.province", equalTo("PB"))
                .body("report.reporter", nullValue())
                .body("history[0].toStatus", equalTo("PENDING"));
        given().when().get("/api/referrals/" + referrals.get(0).id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void worksReferralToResolution() {
        TestReports.Case reportCase = TestReports.Case.random();
        List<Referral> referrals = fixtures.file(reportCase, "PB", List.of("CHILD_MARRIAGE"), "HIGH", false,
                Instant.now());
        String id = referrals.get(0).id.toString();

        given().when().post("/api/referrals/" + id + "/claim")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("claimedBy", equalTo("nhri-pb"));
        given().when().post("/api/referrals/" + id + "/claim")
                .then().statusCode(409).contentType("application/problem+json");
        given().when().post("/api/referrals/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        given().contentType(ContentType.JSON).body("{\"text\": \"Visited the family with the district officer.\"}")
                .when().post("/api/referrals/" + id + "/notes")
                .then().statusCode(200).body("notes[0].writtenBy", equalTo("nhri-pb"));
        given().contentType(ContentType.JSON).body("{\"outcome\": \"FIXED\"}")
                .when().post("/api/referrals/" + id + "/resolve")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("outcome"));
        given().contentType(ContentType.JSON).body("{\"outcome\": \"CHILD_SAFE\", \"reason\": \"Marriage stopped\"}")
                .when().post("/api/referrals/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("outcome", equalTo("CHILD_SAFE"))
                .body("history.toStatus", equalTo(List.of("PENDING", "ACCEPTED", "IN_PROGRESS", "RESOLVED")))
                .body("history[3].changedBy", equalTo("nhri-pb"))
                .body("history[3].reason", equalTo("Marriage stopped"));

        List<JsonNode> events = Database.outboxEvents(Topics.REFERRAL_STATUS, reportCase.caseId());
        assertEquals(5, events.size());
        JsonNode accepted = events.get(2).path("payload");
        assertEquals("ACCEPTED", accepted.path("toStatus").asText());
        assertEquals("nhri-pb", accepted.path("changedBy").asText());
        assertTrue(accepted.path("firstAcceptanceOfCase").asBoolean());
        assertEquals(2, accepted.path("openReferralsOfCase").asInt());
        JsonNode resolved = events.get(4).path("payload");
        assertEquals("RESOLVED", resolved.path("toStatus").asText());
        assertEquals("CHILD_SAFE", resolved.path("outcome").asText());
        assertEquals(1, resolved.path("openReferralsOfCase").asInt());
        assertFalse(resolved.path("firstAcceptanceOfCase").asBoolean());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void countsFirstAcceptanceAndLastClosure() {
        TestReports.Case reportCase = TestReports.Case.random();
        List<Referral> referrals = fixtures.file(reportCase, "KP", List.of("UNLAWFUL_DETENTION"), "MEDIUM", false,
                Instant.now());

        given().when().post("/api/referrals/" + referrals.get(0).id + "/claim").then().statusCode(200);
        given().when().post("/api/referrals/" + referrals.get(1).id + "/claim").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reason\": \"Not a legal matter\"}")
                .when().post("/api/referrals/" + referrals.get(1).id + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().contentType(ContentType.JSON).body("{\"outcome\": \"SERVICES_PROVIDED\"}")
                .when().post("/api/referrals/" + referrals.get(0).id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));

        List<JsonNode> events = Database.outboxEvents(Topics.REFERRAL_STATUS, reportCase.caseId()).stream()
                .map(event -> event.path("payload")).toList();
        assertEquals(List.of("PENDING", "PENDING", "ACCEPTED", "ACCEPTED", "REJECTED", "CLOSED"),
                events.stream().map(event -> event.path("toStatus").asText()).toList());
        assertEquals(List.of(true, false), events.subList(2, 4).stream()
                .map(event -> event.path("firstAcceptanceOfCase").asBoolean()).toList());
        assertEquals(List.of(1, 2, 2, 2, 1, 0), events.stream()
                .map(event -> event.path("openReferralsOfCase").asInt()).toList());
        assertEquals("Not a legal matter", events.get(4).path("reason").asText());
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void requiresReasonToReject() {
        UUID id = fixtures.fileOne("PB", "NEGLECT", "MEDIUM");

        given().contentType(ContentType.JSON).body("{}").when().post("/api/referrals/" + id + "/reject")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        assertEquals(ReferralStatus.PENDING, Database.referral(id).status);
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void transfersToAnotherOrganisation() {
        UUID id = fixtures.fileOne("PB", "BIRTH_REGISTRATION_DENIED", "LOW");

        given().contentType(ContentType.JSON).body("{\"organisationId\": \"legal-aid-pb\", \"office\": \"SD\"}")
                .when().post("/api/referrals/" + id + "/transfer")
                .then().statusCode(400).body("errors[0].field", equalTo("office"));
        given().contentType(ContentType.JSON)
                .body("{\"organisationId\": \"nhri\", \"office\": \"IS\", \"reason\": \"The family moved to Islamabad\"}")
                .when().post("/api/referrals/" + id + "/transfer")
                .then().statusCode(200).body("status", equalTo("TRANSFERRED"))
                .body("history[1].reason", containsString("nhri/IS"));

        Referral original = Database.referral(id);
        Referral moved = Database.referralsOf(original.caseId).stream()
                .filter(referral -> id.equals(referral.transferredFrom)).findFirst().orElseThrow();
        assertEquals("IS", moved.office);
        assertEquals(ReferralStatus.PENDING, moved.status);
        assertEquals(original.deadline, moved.deadline);
        given().when().get("/api/referrals/" + moved.id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void letsOneOfTwoConcurrentClaimsWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                UUID id = fixtures.fileOne("PB", "PHYSICAL_VIOLENCE", "HIGH");
                CountDownLatch start = new CountDownLatch(1);
                RequestSpecification request = given();
                Callable<Integer> claim = () -> {
                    start.await();
                    return given().when().post("/api/referrals/" + id + "/claim").then().extract().statusCode();
                };
                List<Future<Integer>> results = new ArrayList<>(List.of(pool.submit(claim), pool.submit(claim)));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                statuses.sort(Integer::compare);

                assertEquals(List.of(200, 409), statuses, "round " + round);
                assertEquals(2, Database.historyOf(id).size(), "round " + round);
                assertEquals(ReferralStatus.ACCEPTED, Database.referral(id).status);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void filtersEveryQueueForSupervisor() {
        UUID gilgit = fixtures.fileOne("GB", "CHILD_LABOUR", "IMMEDIATE_DANGER");
        fixtures.fileOne("BA", "CHILD_LABOUR", "LOW");

        given().queryParam("province", "GB").queryParam("priority", "CRITICAL").queryParam("status", "PENDING")
                .queryParam("size", 1000)
                .when().get("/api/referrals")
                .then().statusCode(200)
                .body("items.id", hasItem(gilgit.toString()))
                .body("items.province", everyItem(equalTo("GB")))
                .body("items.priority", everyItem(equalTo("CRITICAL")))
                .body("total", notNullValue());
        List<String> deadlines = given().queryParam("size", 1000).when().get("/api/referrals")
                .then().statusCode(200).extract().path("items.deadline");
        List<String> sorted = deadlines.stream().sorted((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)))
                .toList();
        assertEquals(sorted, deadlines);
        given().queryParam("status", "LOST").when().get("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    @TestSecurity(user = "nhri-x", roles = "officer")
    void rejectsOfficerWithoutOffice() {
        given().when().get("/api/referrals").then().statusCode(403).contentType("application/problem+json");
    }

    private static String bodyFor(String action) {
        return switch (action) {
            case "notes" -> "{\"text\": \"A note\"}";
            case "resolve", "close" -> "{\"outcome\": \"CHILD_SAFE\"}";
            case "reject" -> "{\"reason\": \"Wrong office\"}";
            case "transfer" -> "{\"organisationId\": \"nhri\", \"office\": \"KP\"}";
            default -> "{}";
        };
    }
}
