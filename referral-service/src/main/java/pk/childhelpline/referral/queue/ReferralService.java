package pk.childhelpline.referral.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import pk.childhelpline.referral.common.Caller;
import pk.childhelpline.referral.common.Page;
import pk.childhelpline.referral.common.Problem;
import pk.childhelpline.referral.common.ProblemException;
import pk.childhelpline.referral.organisation.Organisation;
import pk.childhelpline.referral.organisation.OrganisationDirectory;
import pk.childhelpline.referral.routing.Codes;

/**
 * Officers' work on referrals. An officer reaches only the referrals of the organisation and office in their token.
 * Any other referral is reported as not found, so that ids cannot be probed. Supervisors reach every queue.
 */
@ApplicationScoped
public class ReferralService {

    private static final Set<ReferralStatus> CLAIMABLE = EnumSet.of(ReferralStatus.PENDING, ReferralStatus.ESCALATED);
    private static final Set<ReferralStatus> STARTABLE = EnumSet.of(ReferralStatus.ACCEPTED);
    private static final Set<ReferralStatus> WORKING = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);
    private static final Set<ReferralStatus> REJECTABLE = EnumSet.of(ReferralStatus.PENDING, ReferralStatus.ESCALATED,
            ReferralStatus.ACCEPTED);
    private static final Set<ReferralStatus> OPEN = EnumSet.complementOf(EnumSet.copyOf(ReferralStatus.FINAL));
    private static final Set<ReferralStatus> AWAITING = EnumSet.of(ReferralStatus.PENDING, ReferralStatus.ESCALATED);

    /** The statuses from which each transition is allowed; the console offers only these. */
    private static final Map<Transition, Set<ReferralStatus>> ALLOWED_FROM = Map.of(Transition.CLAIM, CLAIMABLE,
            Transition.START, STARTABLE, Transition.RESOLVE, WORKING, Transition.CLOSE, OPEN, Transition.REJECT,
            REJECTABLE, Transition.TRANSFER, OPEN);

    /** The status changes that officers and supervisors make. Notes are not transitions: any referral takes them. */
    public enum Transition {
        CLAIM, START, RESOLVE, CLOSE, REJECT, TRANSFER
    }

    /** Tells whether a referral in {@code status} allows the transition. */
    public static boolean allows(Transition transition, ReferralStatus status) {
        return ALLOWED_FROM.get(transition).contains(status);
    }
    private static final int MAX_TEXT = 2000;

    @Inject
    Caller caller;

    @Inject
    ReferralLedger ledger;

    @Inject
    OrganisationDirectory directory;

    @Inject
    Clock clock;

    /** Filters of the queue; null means no filter. */
    public record QueueFilter(List<String> statuses, String priority, Boolean overdue, String province,
            String organisationId, String office) {
    }

    @Transactional
    public Page<ReferralView> list(QueueFilter filter, int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + Page.MAX_SIZE);
        }

        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (isSupervisor()) {
            if (filter.organisationId() != null) {
                conditions.add("organisationId = :organisation");
                parameters.put("organisation", filter.organisationId());
            }
            if (filter.office() != null) {
                conditions.add("office = :office");
                parameters.put("office", filter.office());
            }
        } else {
            conditions.add("organisationId = :organisation and office = :office");
            parameters.put("organisation", officerOrganisation());
            parameters.put("office", officerOffice());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            conditions.add("status in :statuses");
            parameters.put("statuses", statuses(filter.statuses()));
        }
        if (filter.priority() != null) {
            if (!Codes.PRIORITIES.contains(filter.priority())) {
                throw ProblemException.invalid("priority", "must be one of " + Codes.PRIORITIES);
            }
            conditions.add("priority = :priority");
            parameters.put("priority", filter.priority());
        }
        if (filter.province() != null) {
            if (!Codes.PROVINCES.contains(filter.province())) {
                throw ProblemException.invalid("province", "must be one of " + Codes.PROVINCES);
            }
            conditions.add("province = :province");
            parameters.put("province", filter.province());
        }
        if (filter.overdue() != null) {
            conditions.add(filter.overdue()
                    ? "(deadline < :now and status in :awaiting)"
                    : "not (deadline < :now and status in :awaiting)");
            parameters.put("now", clock.instant());
            parameters.put("awaiting", AWAITING);
        }

        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        var query = Referral.<Referral>find(where + " order by deadline, createdAt, id", parameters);
        long total = Referral.count(where, parameters);
        Instant now = clock.instant();
        List<ReferralView> items = query.page(page, size).list().stream()
                .map(referral -> view(referral, now, false)).toList();
        return new Page<>(items, total);
    }

    @Transactional
    public ReferralView get(UUID id) {
        return view(accessible(id), clock.instant(), true);
    }

    /** Claims a PENDING or ESCALATED referral for the caller; a claim after the deadline records how late it is. */
    @Transactional
    public ReferralView claim(UUID id) {
        Referral referral = accessible(id);
        ledger.lockCase(referral.caseId);
        requireStatus(referral, Transition.CLAIM, "claimed");
        Instant now = clock.instant();
        Long lateBy = now.isAfter(referral.deadline) ? Duration.between(referral.deadline, now).toSeconds() : null;
        ReferralStatus from = referral.status;
        referral.status = ReferralStatus.ACCEPTED;
        referral.claimedBy = caller.username();
        referral.claimedAt = now;
        referral.updatedAt = now;
        String reason = lateBy != null
                ? "Claimed " + describe(Duration.ofSeconds(lateBy)) + " after the deadline"
                : null;
        ledger.changed(referral, from, caller.username(), reason, null, lateBy);
        Log.infof("Referral %s claimed", referral.id);
        return view(referral, now, true);
    }

    @Transactional
    public ReferralView start(UUID id) {
        Referral referral = accessible(id);
        ledger.lockCase(referral.caseId);
        requireStatus(referral, Transition.START, "started");
        return transition(referral, ReferralStatus.IN_PROGRESS, null, null);
    }

    @Transactional
    public ReferralView resolve(UUID id, ReferralRequests.Outcome request) {
        Referral referral = accessible(id);
        String outcome = outcome(request);
        ledger.lockCase(referral.caseId);
        requireStatus(referral, Transition.RESOLVE, "resolved");
        referral.outcome = outcome;
        return transition(referral, ReferralStatus.RESOLVED, optionalText(request.reason(), "reason"), outcome);
    }

    @Transactional
    public ReferralView close(UUID id, ReferralRequests.Outcome request) {
        Referral referral = accessible(id);
        String outcome = outcome(request);
        ledger.lockCase(referral.caseId);
        requireStatus(referral, Transition.CLOSE, "closed");
        referral.outcome = outcome;
        return transition(referral, ReferralStatus.CLOSED, optionalText(request.reason(), "reason"), outcome);
    }

    @Transactional
    public ReferralView reject(UUID id, ReferralRequests.Rejection request) {
        Referral referral = accessible(id);
        String reason = requiredText(request == null ? null : request.reason(), "reason");
        ledger.lockCase(referral.caseId);
        requireStatus(referral, Transition.REJECT, "rejected");
        return transition(referral, ReferralStatus.REJECTED, reason, null);
    }

    /**
     * Ends the referral as TRANSFERRED and creates a PENDING referral of the same report, deadline and priority at the
     * target office.
     */
    @Transactional
    public ReferralView transfer(UUID id, ReferralRequests.Transfer request) {
        Referral referral = accessible(id);
        if (request == null || request.organisationId() == null) {
            throw ProblemException.invalid("organisationId", "is required: the organisation to transfer to");
        }
        if (request.office() == null) {
            throw ProblemException.invalid("office", "is required: NATIONAL or a province code");
        }
        Organisation target = directory.findOffice(request.organisationId(), request.office())
                .orElseThrow(() -> ProblemException.invalid("office", "organisation " + request.organisationId()
                        + " has no active office " + request.office() + "; see GET /api/organisations"));
        if (target.id.equals(referral.organisationId) && request.office().equals(referral.office)) {
            throw ProblemException.invalid("office", "is the referral's current office; choose another");
        }
        String reason = optionalText(request.reason(), "reason");
        ledger.lockCase(referral.caseId);
        requireStatus(referral, Transition.TRANSFER, "transferred");

        Instant now = clock.instant();
        Referral moved = new Referral();
        moved.id = UUID.randomUUID();
        moved.caseId = referral.caseId;
        moved.reference = referral.reference;
        moved.destinationType = target.type;
        moved.organisationId = target.id;
        moved.office = request.office();
        moved.province = referral.province;
        moved.priority = referral.priority;
        moved.status = ReferralStatus.PENDING;
        moved.reportAcceptedAt = referral.reportAcceptedAt;
        moved.deadline = referral.deadline;
        moved.createdAt = now;
        moved.updatedAt = now;
        moved.transferredFrom = referral.id;
        moved.rulesVersion = referral.rulesVersion;
        moved.report = referral.report;

        String transferReason = "Transferred to " + target.id + "/" + request.office()
                + (reason != null ? ": " + reason : "");
        ReferralView view = transition(referral, ReferralStatus.TRANSFERRED, transferReason, null);
        ledger.created(moved, caller.username(), "Transferred from " + referral.organisationId + "/" + referral.office
                + (reason != null ? ": " + reason : ""));
        return view;
    }

    @Transactional
    public ReferralView addNote(UUID id, ReferralRequests.NewNote request) {
        Referral referral = accessible(id);
        String text = requiredText(request == null ? null : request.text(), "text");
        ReferralNote note = new ReferralNote();
        note.referralId = referral.id;
        note.writtenAt = clock.instant();
        note.writtenBy = caller.username();
        note.text = text;
        note.persist();
        return view(referral, clock.instant(), true);
    }

    private ReferralView transition(Referral referral, ReferralStatus to, String reason, String outcome) {
        Instant now = clock.instant();
        ReferralStatus from = referral.status;
        referral.status = to;
        referral.updatedAt = now;
        ledger.changed(referral, from, caller.username(), reason, outcome, null);
        Log.infof("Referral %s changed from %s to %s", referral.id, from, to);
        return view(referral, now, true);
    }

    /** Finds a referral the caller may see; another office's referral is reported as not found. */
    private Referral accessible(UUID id) {
        Referral referral = Referral.findById(id);
        if (referral == null || !isSupervisor() && !(referral.organisationId.equals(officerOrganisation())
                && referral.office.equals(officerOffice()))) {
            throw ProblemException.notFound("No referral " + id + " in your queue");
        }
        return referral;
    }

    private boolean isSupervisor() {
        return caller.hasRole(Caller.SUPERVISOR);
    }

    private String officerOrganisation() {
        return caller.organisation().orElseThrow(ReferralService::noOffice);
    }

    private String officerOffice() {
        return caller.office().orElseThrow(ReferralService::noOffice);
    }

    private static ProblemException noOffice() {
        return new ProblemException(Problem.of(403, "Forbidden",
                "Your token carries no organisation and office; ask an admin to assign you to an office"));
    }

    private static void requireStatus(Referral referral, Transition transition, String action) {
        Set<ReferralStatus> allowed = ALLOWED_FROM.get(transition);
        if (!allowed.contains(referral.status)) {
            throw ProblemException.conflict("Referral " + referral.id + " is " + referral.status + " and cannot be "
                    + action + "; it must be one of " + allowed);
        }
    }

    private static String outcome(ReferralRequests.Outcome request) {
        String outcome = request == null ? null : request.outcome();
        if (outcome == null || Arrays.stream(OutcomeCode.values()).noneMatch(code -> code.name().equals(outcome))) {
            throw ProblemException.invalid("outcome", "must be one of " + Arrays.toString(OutcomeCode.values()));
        }
        return outcome;
    }

    private static String requiredText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        return optionalText(text, field);
    }

    private static String optionalText(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, "must be at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    private static List<ReferralStatus> statuses(List<String> values) {
        List<ReferralStatus> statuses = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                try {
                    statuses.add(ReferralStatus.valueOf(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("status",
                            "unknown status " + part + "; use one of " + Arrays.toString(ReferralStatus.values()));
                }
            }
        }
        return statuses;
    }

    static String describe(Duration late) {
        long minutes = late.toMinutes();
        return minutes < 120 ? minutes + " min" : late.toHours() + " h " + (minutes % 60) + " min";
    }

    private ReferralView view(Referral referral, Instant now, boolean detailed) {
        List<ReferralView.HistoryEntry> history = null;
        List<ReferralView.Note> notes = null;
        if (detailed) {
            history = ReferralHistory.<ReferralHistory>list("referralId = ?1 order by id", referral.id).stream()
                    .map(entry -> new ReferralView.HistoryEntry(entry.fromStatus, entry.toStatus, entry.changedAt,
                            entry.changedBy, entry.reason, entry.outcome, entry.lateBySeconds))
                    .toList();
            notes = ReferralNote.<ReferralNote>list("referralId = ?1 order by id", referral.id).stream()
                    .map(note -> new ReferralView.Note(note.writtenAt, note.writtenBy, note.text)).toList();
        }
        boolean overdue = AWAITING.contains(referral.status) && referral.deadline.isBefore(now);
        return new ReferralView(referral.id, referral.caseId, referral.reference, referral.destination(),
                referral.province, referral.priority, referral.status, referral.reportAcceptedAt, referral.deadline,
                overdue, referral.createdAt, referral.updatedAt, referral.claimedBy, referral.claimedAt,
                referral.escalatedAt, referral.outcome, referral.transferredFrom, referral.rulesVersion,
                referral.version, ledger.readReport(referral), history, notes);
    }
}
