package pk.childhelpline.helpline.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        List<ReportViews.Related> found = new ArrayList<>();
        for (Report candidate : candidates(report)) {
            relate(report, candidate, report.acceptedAt);
            relate(candidate, report, report.acceptedAt);
            found.add(new ReportViews.Related(candidate.reference, candidate.receivedAtWithOffset(), candidate.status, true,
                    false));
        }
        if (!found.isEmpty()) {
            Log.infof("Report %s has %d possible duplicate(s)", report.reference, found.size());
        }
        return found;
    }

    /**
     * Finds the matching reports with one query. The database does the whole match, so that intake reads only the
     * matching rows, through the district and concern indexes, however many reports the window holds.
     */
    @SuppressWarnings("unchecked")
    private List<Report> candidates(Report report) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", report.receivedAt.minus(WINDOW));
        parameters.put("to", report.receivedAt.plus(WINDOW));
        parameters.put("id", report.id);
        parameters.put("closed", ReportStatus.CLOSED.name());
        parameters.put("concerns", report.concerns.stream().map(Enum::name).toList());
        List<String> places = new ArrayList<>();
        List<String> childPlaces = new ArrayList<>();
        int index = 0;
        for (String[] place : districts(report)) {
            parameters.put("p" + index, place[0]);
            parameters.put("d" + index, place[1]);
            places.add("(r.location_province = :p" + index + " and r.location_district = :d" + index + ")");
            childPlaces.add("(k.province = :p" + index + " and k.district = :d" + index + ")");
            index++;
        }
        List<String> children = new ArrayList<>();
        for (int i = 0; i < report.children.size(); i++) {
            Report.ChildRow child = report.children.get(i);
            parameters.put("g" + i, child.gender.name());
            if (child.ageYears == null) {
                children.add("c.gender = :g" + i);
            } else {
                parameters.put("lo" + i, child.ageYears - AGE_TOLERANCE);
                parameters.put("hi" + i, child.ageYears + AGE_TOLERANCE);
                children.add("(c.gender = :g" + i + " and (c.age_years is null or c.age_years between :lo" + i + " and :hi"
                        + i + "))");
            }
        }
        if (report.concerns.isEmpty() || children.isEmpty()) {
            return List.of();
        }
        String alike = " and r.received_at between :from and :to and r.id <> :id and r.status <> :closed"
                + " and exists (select 1 from report_concern rc where rc.report_id = r.id and rc.concern in (:concerns))"
                + " and exists (select 1 from report_child c where c.report_id = r.id and ("
                + String.join(" or ", children) + "))";
        String sql = "select r.id from report r where (" + String.join(" or ", places) + ")" + alike
                + " union select r.id from report r join report_child k on k.report_id = r.id where ("
                + String.join(" or ", childPlaces) + ")" + alike;
        var query = Report.getEntityManager().createNativeQuery(sql, UUID.class);
        parameters.forEach(query::setParameter);
        List<UUID> ids = query.getResultList();
        return ids.isEmpty() ? List.of() : Report.list("id in ?1 order by receivedAt", ids);
    }

    private static List<String[]> districts(Report report) {
        Map<String, String[]> districts = new LinkedHashMap<>();
        districts.put(report.locationProvince + "/" + report.locationDistrict,
                new String[]{report.locationProvince, report.locationDistrict});
        for (Report.ChildRow child : report.children) {
            districts.put(child.province + "/" + child.district, new String[]{child.province, child.district});
        }
        return new ArrayList<>(districts.values());
    }

    private static void relate(Report from, Report to, Instant detectedAt) {
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
