package pk.childhelpline.helpline.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import pk.childhelpline.helpline.common.Page;
import pk.childhelpline.helpline.common.ProblemException;
import pk.childhelpline.helpline.crypto.Secrets;
import pk.childhelpline.helpline.intake.Report;
import pk.childhelpline.helpline.intake.ReportRequest;
import pk.childhelpline.helpline.intake.ReportService;
import pk.childhelpline.helpline.intake.ReportValidator;

/** Lists incoming SMS for the operators, marks them handled, or turns them into reports. */
@ApplicationScoped
public class IncomingSmsService {

    /** An incoming SMS as operators see it; the sender's number is masked except its last four digits. */
    public record View(UUID id, String sender, String text, Instant receivedAt, IncomingSms.Status status,
            String handledBy, Instant handledAt, String note, String reference) {
    }

    @Inject
    Secrets secrets;

    @Inject
    ReportService reports;

    @Inject
    ReportValidator validator;

    @Inject
    Clock clock;

    @Transactional
    public Page<View> list(IncomingSms.Status status, int page, int size) {
        var query = status == null
                ? IncomingSms.<IncomingSms>find("order by receivedAt desc, id")
                : IncomingSms.<IncomingSms>find("status = ?1 order by receivedAt desc, id", status);
        List<View> items = query.page(page, size).list().stream().map(this::view).toList();
        return new Page<>(items, query.count());
    }

    @Transactional
    public View markHandled(UUID id, String note, String actor) {
        IncomingSms sms = find(id);
        if (sms.status != IncomingSms.Status.NEW) {
            throw ProblemException.conflict("SMS " + id + " is already " + sms.status.name().toLowerCase());
        }
        sms.status = IncomingSms.Status.HANDLED;
        sms.handledBy = actor;
        sms.handledAt = clock.instant();
        sms.note = note;
        Log.infof("Incoming SMS %s marked handled by %s", id, actor);
        return view(sms);
    }

    /** Files a report for an SMS, with the sender's number as the reporter's phone. */
    @Transactional
    public ReportService.Filed turnIntoReport(UUID id, ReportRequest request, String actor) {
        IncomingSms sms = find(id);
        if (sms.status != IncomingSms.Status.NEW) {
            throw ProblemException.conflict("SMS " + id + " is already " + sms.status.name().toLowerCase());
        }
        if (request.reporter() == null) {
            throw ProblemException.invalid("reporter", "must not be null");
        }
        ReportRequest.Reporter reporter = request.reporter();
        String sender = secrets.decrypt(sms.senderEncrypted, sms.id.toString());
        ReportRequest withSender = new ReportRequest(request.externalId(),
                request.receivedAt() != null ? request.receivedAt() : sms.receivedAt.atOffset(ZoneOffset.UTC),
                request.channel(), new ReportRequest.Reporter(reporter.relationship(), reporter.name(), sender,
                        reporter.preferredLanguage(), reporter.smsConsent(), reporter.safeToContact()),
                request.children(), request.concerns(), request.urgency(), request.legalAidRequested(),
                request.narrative(), request.location());
        ReportValidator.Validated validated = validator.validate(withSender, false);
        ReportService.Filed filed = reports.file(validated, Report.Source.INCOMING_SMS, actor);
        sms.status = IncomingSms.Status.REPORTED;
        sms.reportId = filed.report().id;
        sms.handledBy = actor;
        sms.handledAt = clock.instant();
        Log.infof("Incoming SMS %s turned into report %s by %s", id, filed.view().reference(), actor);
        return filed;
    }

    private IncomingSms find(UUID id) {
        IncomingSms sms = IncomingSms.findById(id);
        if (sms == null) {
            throw ProblemException.notFound("No incoming SMS with id " + id);
        }
        return sms;
    }

    private View view(IncomingSms sms) {
        String sender = secrets.decrypt(sms.senderEncrypted, sms.id.toString());
        String masked = sender.length() > 4
                ? "*".repeat(sender.length() - 4) + sender.substring(sender.length() - 4)
                : sender;
        String reference = sms.reportId == null ? null : Report.<Report>findById(sms.reportId).reference;
        return new View(sms.id, masked, sms.text, sms.receivedAt, sms.status, sms.handledBy, sms.handledAt, sms.note,
                reference);
    }
}
