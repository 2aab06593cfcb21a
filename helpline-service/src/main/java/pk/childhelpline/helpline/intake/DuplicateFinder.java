package pk.childhelpline.helpline.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

/**
 * Flags a new report that looks like an open case. A match was received within 48 hours of it and shares a district
 * (incident location or a child's home) and a concern. It also has a child of the same gender whose age differs by at
 * most two years, or is unknown in either report. Both reports are kept, and the flag only helps an operator link them.
 */
@ApplicationScoped
public class DuplicateFinder {

    static final Duration WINDOW = Duration.ofHours(48);
    static final int AGE_TOLERANCE = 2;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReportViews.Related> flag(Report report) {
        List<Report> candidates = Report.list("receivedAt >= ?1 and receivedAt <= ?2 and id <> ?3 and status <> ?4",
                report.receivedAt.minus(WINDOW), report.receivedAt.plus(WINDOW), report.id, ReportStatus.CLOSED);
        List<ReportViews.Related> found = new ArrayList<>();
        for (Report candidate : candidates) {
            if (looksAlike(report, candidate)) {
                relate(report, candidate, report.acceptedAt);
                relate(candidate, report, report.acceptedAt);
                found.add(new ReportViews.Related(candidate.reference, candidate.receivedAtWithOffset(), candidate.status,
                        true, false));
            }
        }
        if (!found.isEmpty()) {
            Log.infof("Report %s has %d possible duplicate(s)", report.reference, found.size());
        }
        return found;
    }

    static boolean looksAlike(Report a, Report b) {
        if (Collections.disjoint(a.concerns, b.concerns) || Collections.disjoint(districts(a), districts(b))) {
            return false;
        }
        for (Report.ChildRow childA : a.children) {
            for (Report.ChildRow childB : b.children) {
                boolean sameGender = childA.gender == childB.gender;
                boolean similarAge = childA.ageYears == null || childB.ageYears == null
                        || Math.abs(childA.ageYears - childB.ageYears) <= AGE_TOLERANCE;
                if (sameGender && similarAge) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> districts(Report report) {
        Set<String> districts = new HashSet<>();
        districts.add(report.locationProvince + "/" + report.locationDistrict);
        for (Report.ChildRow child : report.children) {
            districts.add(child.province + "/" + child.district);
        }
        return districts;
    }

    private static void relate(Report from, Report to, java.time.Instant detectedAt) {
        ReportRelation relation = ReportRelation.findById(new ReportRelation.Key(from.id, to.id));
        if (relation == null) {
            relation = new ReportRelation();
            relation.id = new ReportRelation.Key(from.id, to.id);
            relation.detectedAt = detectedAt;
            relation.persist();
        }
        relation.possibleDuplicate = true;
    }
}
