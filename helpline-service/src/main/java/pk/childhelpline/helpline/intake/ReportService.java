package pk.childhelpline.helpline.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;

import pk.childhelpline.helpline.common.Page;
import pk.childhelpline.helpline.common.ProblemException;
import pk.childhelpline.helpline.crypto.Secrets;
import pk.childhelpline.helpline.outbox.Outbox;
import pk.childhelpline.helpline.outbox.Topics;
import pk.childhelpline.helpline.reference.DistrictDirectory;
import pk.childhelpline.helpline.timeline.CaseEvent;

/**
 * Stores reports and their cases. Every change is committed together with its timeline entry and its events in the
 * outbox, so that an accepted report is never lost and always reaches the other services.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    Secrets secrets;

    @Inject
    Outbox outbox;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    DistrictDirectory directory;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /** A stored report with the warnings of its validation and its possible duplicates. */
    public record Filed(Report report, ReportViews.Created view) {
    }

    @Transactional
    public Filed file(ReportValidator.Validated validated, Report.Source source, String actor) {
        Instant now = clock.instant();
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.reference = newReference();
        report.source = source;
        report.acceptedAt = now;
        report.updatedAt = now;
        report.createdBy = actor;
        report.status = ReportStatus.RECEIVED;
        OffsetDateTime receivedAt = validated.request().receivedAt() != null
                ? validated.request().receivedAt()
                : now.atOffset(ZoneOffset.UTC);
        report.receivedAt = receivedAt.toInstant();
        report.receivedOffsetSeconds = receivedAt.getOffset().getTotalSeconds();
        ReportMapping.apply(report, validated, secrets);
        report.persist();
        CaseEvent.of(report.id, now, CaseEvent.Kind.FILED, actor, "Report filed by " + source.name().toLowerCase()
                + " intake, channel " + report.channel).persist();

        List<ReportViews.Related> possibleDuplicates = duplicates.flag(report);
        outbox.append(Topics.REPORTS, ReportEvents.REPORT_FILED, report.id, ReportEvents.ReportFiled.of(report));
        if (report.smsEnabled()) {
            publishSubscription(report, validated.phone().e164());
        }
        registry.counter("helpline.reports.accepted", "source", source.name()).increment();
        Log.infof("Filed report %s (case %s) from %s intake", report.reference, report.id, source);
        return new Filed(report, new ReportViews.Created(report.reference, report.acceptedAt, report.status,
                validated.warnings(), possibleDuplicates));
    }

    @Transactional
    public ReportViews.Detail detail(String reference) {
        return view(find(reference));
    }

    @Transactional
    public ReportViews.Contact readContact(String reference, String actor) {
        Report report = find(reference);
        ContactRead read = new ContactRead();
        read.reportId = report.id;
        read.readBy = actor;
        read.readAt = clock.instant();
        read.persist();
        Log.infof("Contact details of report %s read by %s", report.reference, actor);
        return new ReportViews.Contact(report.reference, secrets.decrypt(report.reporterNameEncrypted, report.id.toString()),
                secrets.decrypt(report.reporterPhoneEncrypted, report.id.toString()), report.reporterPhoneKind);
    }

    @Transactional
    public Page<ReportViews.ContactReadEntry> contactReads(String reference, int page, int size) {
        Report report = find(reference);
        var query = ContactRead.<ContactRead>find("reportId = ?1 order by readAt desc, id desc", report.id);
        return new Page<>(query.page(page, size).list().stream()
                .map(read -> new ReportViews.ContactReadEntry(read.readBy, read.readAt)).toList(), query.count());
    }

    @Transactional
    public Page<ReportViews.Summary> list(ReportFilter filter, int page, int size) {
        StringBuilder query = new StringBuilder("from Report r where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.receivedFrom() != null) {
            query.append(" and r.receivedAt >= :from");
            parameters.put("from", filter.receivedFrom().toInstant());
        }
        if (filter.receivedTo() != null) {
            query.append(" and r.receivedAt < :to");
            parameters.put("to", filter.receivedTo().toInstant());
        }
        if (filter.province() != null) {
            String province = directory.province(filter.province()).map(DistrictDirectory.Province::code)
                    .orElseThrow(() -> ProblemException.invalid("province", "must be one of "
                            + directory.provinces().stream().map(DistrictDirectory.Province::code).toList()));
            query.append(" and (r.locationProvince = :province or exists (select 1 from Report r2"
                    + " join r2.children c where r2.id = r.id and c.province = :province))");
            parameters.put("province", province);
        }
        if (filter.district() != null) {
            List<String> names = directory.districtsNamed(filter.district()).stream()
                    .map(DistrictDirectory.District::name).distinct().toList();
            if (names.isEmpty()) {
                throw ProblemException.invalid("district", "'" + filter.district() + "' is not a known district");
            }
            query.append(" and (r.locationDistrict in :districts or exists (select 1 from Report r3 join r3.children c"
                    + " where r3.id = r.id and c.district in :districts))");
            parameters.put("districts", names);
        }
        if (filter.concern() != null) {
            query.append(" and :concern member of r.concerns");
            parameters.put("concern", filter.concern());
        }
        if (filter.urgency() != null) {
            query.append(" and r.urgency = :urgency");
            parameters.put("urgency", filter.urgency());
        }
        if (filter.status() != null) {
            query.append(" and r.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.append(" and (replace(r.reference, '-', '') like :referenceText or upper(r.externalId) like :text)");
            parameters.put("referenceText", "%" + filter.text().toUpperCase().replace("-", "").strip() + "%");
            parameters.put("text", "%" + filter.text().toUpperCase().strip() + "%");
        }
        PanacheQuery<Report> reports = Report.find(query + " order by r.receivedAt desc, r.id", parameters);
        List<Report> items = reports.page(page, size).list();
        List<UUID> duplicated = items.isEmpty()
                ? List.of()
                : ReportRelation.<ReportRelation>list("id.reportId in ?1 and possibleDuplicate = true",
                        items.stream().map(report -> report.id).toList())
                        .stream().map(relation -> relation.id.reportId()).toList();
        return new Page<>(items.stream().map(report -> summary(report, duplicated.contains(report.id))).toList(),
                reports.count());
    }

    @Transactional
    public ReportViews.Detail link(String reference, String otherReference, String actor) {
        Report report = find(reference);
        Report other = CaseReferences.parse(otherReference).flatMap(Report::findByReference)
                .orElseThrow(() -> ProblemException.invalid("reference",
                        "'" + otherReference + "' is not the reference of an existing report"));
        if (other.id.equals(report.id)) {
            throw ProblemException.invalid("reference", "a report cannot be linked to itself");
        }
        Instant now = clock.instant();
        link(report, other, actor, now);
        link(other, report, actor, now);
        CaseEvent.of(report.id, now, CaseEvent.Kind.LINKED, actor, "Linked to report " + other.reference).persist();
        CaseEvent.of(other.id, now, CaseEvent.Kind.LINKED, actor, "Linked to report " + report.reference).persist();
        Log.infof("Linked reports %s and %s", report.reference, other.reference);
        return view(report);
    }

    private void link(Report from, Report to, String actor, Instant now) {
        ReportRelation relation = ReportRelation.findById(new ReportRelation.Key(from.id, to.id));
        if (relation == null) {
            relation = new ReportRelation();
            relation.id = new ReportRelation.Key(from.id, to.id);
            relation.persist();
        }
        if (relation.linkedAt == null) {
            relation.linkedAt = now;
            relation.linkedBy = actor;
        }
    }

    /** Publishes the reporter's mobile number, encrypted for notification-service. */
    void publishSubscription(Report report, String e164) {
        outbox.append(Topics.SUBSCRIPTIONS, ReportEvents.REPORTER_SUBSCRIBED, report.id,
                new ReportEvents.ReporterSubscribed(report.reference,
                        secrets.encryptForTransport(e164, report.reference), report.preferredLanguage.tag(),
                        report.safeToContact));
    }

    @Transactional
    public UUID detailId(String reference) {
        return find(reference).id;
    }

    @Transactional
    public Report findReport(String reference) {
        return find(reference);
    }

    /** Finds a report by its reference as typed, or throws a 404 problem. */
    public Report find(String typedReference) {
        return CaseReferences.parse(typedReference).flatMap(Report::findByReference)
                .orElseThrow(() -> ProblemException.notFound("No report with reference '" + typedReference
                        + "'; check the reference (format XXXX-XXXX-C)"));
    }

    ReportViews.Detail view(Report report) {
        List<ReportViews.Related> related = new ArrayList<>();
        for (ReportRelation relation : ReportRelation.<ReportRelation>list("id.reportId", report.id)) {
            Report other = Report.findById(relation.id.relatedReportId());
            related.add(new ReportViews.Related(other.reference, other.receivedAtWithOffset(), other.status,
                    relation.possibleDuplicate, relation.linkedAt != null));
        }
        ReportEvents.ReportFiled filed = ReportEvents.ReportFiled.of(report);
        ReportViews.Reporter reporter = new ReportViews.Reporter(report.relationship, report.preferredLanguage.tag(),
                report.smsConsent, report.safeToContact, report.reporterNameEncrypted != null,
                report.reporterPhoneEncrypted != null, report.reporterPhoneKind, report.smsEnabled());
        return new ReportViews.Detail(report.reference, report.externalId, report.status, report.source, report.channel,
                report.receivedAtWithOffset(), report.acceptedAt, report.createdBy, reporter, filed.children(),
                filed.concerns(), report.urgency, report.legalAidRequested, report.narrative, filed.location(), related);
    }

    private ReportViews.Summary summary(Report report, boolean possibleDuplicate) {
        return new ReportViews.Summary(report.reference, report.externalId, report.status, report.channel,
                report.receivedAtWithOffset(), report.urgency, List.copyOf(report.concerns),
                new ReportEvents.PlacePart(report.locationDistrict, report.locationProvince), report.children.size(),
                possibleDuplicate);
    }

    private String newReference() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String reference = CaseReferences.generate();
            if (Report.count("reference", reference) == 0) {
                return reference;
            }
        }
        throw new IllegalStateException("No free case reference after 10 attempts");
    }
}
