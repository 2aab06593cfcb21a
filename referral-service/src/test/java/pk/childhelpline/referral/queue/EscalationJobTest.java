package pk.childhelpline.referral.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

import pk.childhelpline.referral.events.Topics;
import pk.childhelpline.referral.support.Database;
import pk.childhelpline.referral.support.Fixtures;
import pk.childhelpline.referral.support.TestClock;
import pk.childhelpline.referral.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class EscalationJobTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EscalationJob job;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void escalatesOnceWithTwoInstances() throws Exception {
        TestReports.Case reportCase = TestReports.Case.random();
        List<Referral> referrals = fixtures.file(reportCase, "SD", List.of("SEXUAL_ABUSE"), "IMMEDIATE_DANGER", false,
                clock.instant());
        UUID id = referrals.get(0).id;

        job.escalateOverdue();
        assertEquals(ReferralStatus.PENDING, Database.referral(id).status);

        clock.advance(Duration.ofMinutes(61));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = List.of(pool.submit(() -> {
                start.await();
                return job.escalateOverdue();
            }), pool.submit(() -> {
                start.await();
                return job.escalateOverdue();
            }));
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        job.escalateOverdue();

        Referral escalated = Database.referral(id);
        assertEquals(ReferralStatus.ESCALATED, escalated.status);
        assertNotNull(escalated.escalatedAt);
        assertEquals(1, Database.historyOf(id).stream().filter(entry -> "ESCALATED".equals(entry.toStatus)).count());
        List<JsonNode> escalations = Database.outboxEvents(Topics.REFERRAL_STATUS, reportCase.caseId()).stream()
                .map(event -> event.path("payload"))
                .filter(payload -> "ESCALATED".equals(payload.path("toStatus").asText())).toList();
        assertEquals(1, escalations.size());
        assertEquals("PENDING", escalations.get(0).path("fromStatus").asText());
        assertEquals("system", escalations.get(0).path("changedBy").asText());
    }

    @Test
    @TestSecurity(user = "nhri-pb", roles = "officer", attributes = {
            @SecurityAttribute(key = "org", value = "nhri"), @SecurityAttribute(key = "office", value = "PB")})
    void claimsEscalatedReferralAndRecordsDelay() {
        Instant acceptedAt = clock.instant();
        UUID id = fixtures.file(TestReports.Case.random(), "PB", List.of("MISSING_CHILD"), "LOW", false, acceptedAt)
                .get(0).id;

        given().queryParam("overdue", true).queryParam("size", 1000).when().get("/api/referrals")
                .then().statusCode(200).body("items.id", not(hasItem(id.toString())));
        clock.advance(Duration.ofHours(3));
        given().queryParam("overdue", true).queryParam("size", 1000).when().get("/api/referrals")
                .then().statusCode(200).body("items.id", hasItem(id.toString()));
        job.escalateOverdue();

        given().when().post("/api/referrals/" + id + "/claim")
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("history.toStatus", equalTo(List.of("PENDING", "ESCALATED", "ACCEPTED")));
        ReferralHistory claim = Database.historyOf(id).get(2);
        assertEquals("ESCALATED", claim.fromStatus);
        long late = claim.lateBySeconds;
        assertTrue(late >= 3600, "late by " + late + " s");
        assertTrue(late < 3700, "late by " + late + " s");
        assertTrue(claim.reason.contains("after the deadline"), claim.reason);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void showsEscalationsToSupervisor() {
        UUID id = fixtures.fileOne("AJK", "NEGLECT", "IMMEDIATE_DANGER");
        clock.advance(Duration.ofHours(2));
        job.escalateOverdue();

        given().queryParam("status", "ESCALATED").queryParam("size", 1000).when().get("/api/referrals")
                .then().statusCode(200)
                .body("items.id", hasItem(id.toString()))
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("ESCALATED")));
    }
}
