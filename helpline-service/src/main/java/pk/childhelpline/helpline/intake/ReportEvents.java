package pk.childhelpline.helpline.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import pk.childhelpline.helpline.crypto.Secrets;
import pk.childhelpline.helpline.reference.Concern;

/** Payloads of the events that intake publishes; field names follow the event contract in docs/events.md. */
public final class ReportEvents {

    public static final String REPORT_FILED = "ReportFiled";
    public static final String REPORT_CORRECTED = "ReportCorrected";
    public static final String REPORTER_SUBSCRIBED = "ReporterSubscribed";

    private ReportEvents() {
    }

    /** The reporter without name and phone number. */
    public record ReporterPart(Relationship relationship, String preferredLanguage, boolean smsConsent,
            boolean safeToContact) {
    }

    /** A child with the district in canonical spelling and the province as its code. */
    public record ChildPart(Integer ageYears, Gender gender, String district, String province) {
    }

    /** A district and province code. */
    public record PlacePart(String district, String province) {
    }

    /** A report was accepted: the report without the reporter's name and phone number. */
    public record ReportFiled(String reference, String externalId, Instant acceptedAt, OffsetDateTime receivedAt,
            Channel channel, ReporterPart reporter, List<ChildPart> children, List<Concern> concerns, Urgency urgency,
            boolean legalAidRequested, String narrative, PlacePart location) {

        static ReportFiled of(Report report) {
            return new ReportFiled(report.reference, report.externalId, report.acceptedAt, report.receivedAtWithOffset(),
                    report.channel, new ReporterPart(report.relationship, report.preferredLanguage.tag(),
                            report.smsConsent, report.safeToContact),
                    report.children.stream()
                            .map(child -> new ChildPart(child.ageYears, child.gender, child.district, child.province))
                            .toList(),
                    List.copyOf(report.concerns), report.urgency, report.legalAidRequested, report.narrative,
                    new PlacePart(report.locationDistrict, report.locationProvince));
        }
    }

    /** A report was corrected: the whole corrected report, the changed JSON paths, and who changed them. */
    public record ReportCorrected(String reference, String externalId, Instant acceptedAt, OffsetDateTime receivedAt,
            Channel channel, ReporterPart reporter, List<ChildPart> children, List<Concern> concerns, Urgency urgency,
            boolean legalAidRequested, String narrative, PlacePart location, List<String> changedFields,
            String correctedBy) {

        static ReportCorrected of(Report report, List<String> changedFields, String correctedBy) {
            ReportFiled filed = ReportFiled.of(report);
            return new ReportCorrected(filed.reference(), filed.externalId(), filed.acceptedAt(), filed.receivedAt(),
                    filed.channel(), filed.reporter(), filed.children(), filed.concerns(), filed.urgency(),
                    filed.legalAidRequested(), filed.narrative(), filed.location(), changedFields, correctedBy);
        }
    }

    /** A reporter consented to SMS with a valid mobile number, sent encrypted for notification-service alone. */
    public record ReporterSubscribed(String reference, Secrets.TransportCiphertext mobileNumber, String language,
            boolean safeToContact) {
    }
}
