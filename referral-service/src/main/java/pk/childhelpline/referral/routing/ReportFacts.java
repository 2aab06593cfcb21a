package pk.childhelpline.referral.routing;

import java.time.Instant;
import java.util.List;

/**
 * The parts of a report that routing reads: concern codes, urgency, the incident's province and district, the
 * children's ages (null where unknown), whether legal aid was requested, and when helpline-service accepted it.
 */
public record ReportFacts(List<String> concerns, String urgency, String province, String district,
        List<Integer> childAges, boolean legalAidRequested, Instant acceptedAt) {
}
