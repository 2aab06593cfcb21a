package pk.childhelpline.referral.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import pk.childhelpline.referral.events.Topics;
import pk.childhelpline.referral.queue.Referral;
import pk.childhelpline.referral.queue.ReferralStatus;
import pk.childhelpline.referral.support.Database;
import pk.childhelpline.referral.support.Fixtures;
import pk.childhelpline.referral.support.TestReports;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.PostgresTestResource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ReportCorrectionTest {

    @Inject
    Fixtures fixtures;

    @Test
    void reroutesWhenProvinceChanges() {
        TestReports.Case reportCase = TestReports.Case.random();
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixtures.file(reportCase, "SD", List.of("CHILD_MARRIAGE"), "HIGH", false, acceptedAt);

        assertEquals(ReportEvents.Outcome.PROCESSED,
                fixtures.correct(reportCase, "PB", List.of("CHILD_MARRIAGE"), "HIGH", false, acceptedAt));

        List<Referral> referrals = Database.referralsOf(reportCase.caseId());
        assertEquals(List.of("nhri/SD CLOSED", "legal-aid-sd/SD CLOSED", "nhri/PB PENDING",
                "legal-aid-pb/PB PENDING"),
                referrals.stream()
                        .map(referral -> referral.organisationId + "/" + referral.office + " " + referral.status)
                        .toList());
        assertEquals(ReportRouter.REROUTED, referrals.get(0).outcome);
        JsonNode closed = Database.outboxEvents(Topics.REFERRAL_STATUS, reportCase.caseId()).get(2).path("payload");
        assertEquals("CLOSED", closed.path("toStatus").asText());
        assertEquals("The corrected report no longer routes to this office", closed.path("reason").asText());
    }

    @Test
    void updatesOpenReferralAndClosesDroppedDestination() {
        TestReports.Case reportCase = TestReports.Case.random();
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixtures.file(reportCase, "KP", List.of("CHILD_MARRIAGE"), "MEDIUM", false, acceptedAt);

        fixtures.correct(reportCase, "KP", List.of("ABDUCTION"), "HIGH", false, acceptedAt);

        List<Referral> referrals = Database.referralsOf(reportCase.caseId());
        assertEquals(2, referrals.size());
        Referral nhri = referrals.get(0);
        assertEquals(ReferralStatus.PENDING, nhri.status);
        assertEquals(acceptedAt.plus(Duration.ofHours(2)), nhri.deadline);
        assertEquals("CRITICAL", nhri.priority);
        assertEquals(ReferralStatus.CLOSED, referrals.get(1).status);
        List<JsonNode> updates = Database.outboxEvents("referrals.nhri.v1", reportCase.caseId());
        assertEquals(List.of("ReferralCreated", "ReferralUpdated"),
                updates.stream().map(event -> event.path("type").asText()).toList());
        assertEquals("ABDUCTION", updates.get(1).path("payload").path("report").path("concerns").get(0).asText());
    }
}
