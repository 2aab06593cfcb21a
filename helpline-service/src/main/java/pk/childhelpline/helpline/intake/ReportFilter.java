package pk.childhelpline.helpline.intake;

import java.time.OffsetDateTime;

import pk.childhelpline.helpline.reference.Concern;

/** Filters of the case list; every field is optional. */
public record ReportFilter(OffsetDateTime receivedFrom, OffsetDateTime receivedTo, String province, String district,
        Concern concern, Urgency urgency, ReportStatus status, String text) {
}
