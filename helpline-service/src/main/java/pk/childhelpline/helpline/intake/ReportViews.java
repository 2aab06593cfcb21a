package pk.childhelpline.helpline.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import pk.childhelpline.helpline.common.Problem;
import pk.childhelpline.helpline.reference.Concern;

/** Response bodies of the report API. */
public final class ReportViews {

    private ReportViews() {
    }

    /** The response to a created report: the case reference to read back, warnings, and possible duplicates. */
    public record Created(String reference, Instant acceptedAt, ReportStatus status, List<Problem.FieldError> warnings,
            List<Related> possibleDuplicates) {
    }

    /** Another report related to this one. */
    public record Related(String reference, OffsetDateTime receivedAt, ReportStatus status, boolean possibleDuplicate,
            boolean linked) {
    }

    /**
     * The reporter without contact details: whether a name and phone were given, and whether SMS can be sent. The name
     * and number are read through the contact endpoint, which records every read.
     */
    public record Reporter(Relationship relationship, String preferredLanguage, boolean smsConsent,
            boolean safeToContact, boolean hasName, boolean hasPhone, PhoneNumbers.Kind phoneKind, boolean smsEnabled) {
    }

    /** A whole report. */
    public record Detail(String reference, String externalId, ReportStatus status, Report.Source source,
            Channel channel, OffsetDateTime receivedAt, Instant acceptedAt, String createdBy, Reporter reporter,
            List<ReportEvents.ChildPart> children, List<Concern> concerns, Urgency urgency, boolean legalAidRequested,
            String narrative, ReportEvents.PlacePart location, List<Related> related) {
    }

    /** A line of the case list. */
    public record Summary(String reference, String externalId, ReportStatus status, Channel channel,
            OffsetDateTime receivedAt, Urgency urgency, List<Concern> concerns, ReportEvents.PlacePart location,
            int children, boolean possibleDuplicate) {
    }

    /** The reporter's name and phone number, as stored. */
    public record Contact(String reference, String name, String phone, PhoneNumbers.Kind phoneKind) {
    }

    /** One recorded read of a reporter's contact details. */
    public record ContactReadEntry(String readBy, Instant readAt) {
    }

    /** The result of a correction: the changed JSON paths and the corrected report. */
    public record Corrected(List<String> changedFields, Detail report) {
    }
}
