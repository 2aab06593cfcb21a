package pk.childhelpline.referral.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import pk.childhelpline.referral.events.Topics;
import pk.childhelpline.referral.intake.ReportEvents;
import pk.childhelpline.referral.queue.Referral;

/** Files reports straight through the event handler, without Kafka, for tests of the officers' API. */
@ApplicationScoped
public class Fixtures {

    @Inject
    ReportEvents events;

    /** Files a report and returns its referrals in creation order. */
    public List<Referral> file(TestReports.Case reportCase, String province, List<String> concerns, String urgency,
            boolean legalAid, Instant acceptedAt) {
        ReportEvents.Outcome outcome = events.process(Topics.REPORTS, reportCase.caseId().toString(),
                TestReports.filed(reportCase, province, concerns, urgency, legalAid, acceptedAt));
        if (outcome != ReportEvents.Outcome.PROCESSED) {
            throw new IllegalStateException("Test report was not processed: " + outcome);
        }
        return Database.referralsOf(reportCase.caseId());
    }

    public UUID fileOne(String province, String concern, String urgency) {
        return file(TestReports.Case.random(), province, List.of(concern), urgency, false, Instant.now()).get(0).id;
    }

    public ReportEvents.Outcome correct(TestReports.Case reportCase, String province, List<String> concerns,
            String urgency, boolean legalAid, Instant acceptedAt) {
        return events.process(Topics.REPORTS, reportCase.caseId().toString(),
                TestReports.corrected(reportCase, province, concerns, urgency, legalAid, acceptedAt));
    }
}
