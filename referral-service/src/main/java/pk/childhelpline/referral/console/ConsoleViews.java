package pk.childhelpline.referral.console;

import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** Values for the console's templates: plain values, with times already written in Asia/Karachi. */
public final class ConsoleViews {

    private ConsoleViews() {
    }

    /** One line of a queue. {@code escalatedAt} is empty unless the escalation job flagged the referral. */
    @TemplateData
    public record QueueRow(UUID id, String reference, String queue, String province, String priority, String status,
            String deadline, boolean overdue, String claimedBy, String escalatedAt) {
    }

    /** One referral with its report, history, notes and the actions its status allows. */
    @TemplateData
    public record ReferralDetail(UUID id, String reference, String queue, String province, String priority,
            String status, String deadline, boolean overdue, String claimedBy, String outcome, long version,
            Report report, List<HistoryRow> history, List<NoteRow> notes, List<String> allowedActions) {

        public boolean allows(String action) {
            return allowedActions.contains(action);
        }
    }

    /** The report as officers need it; never the reporter. */
    @TemplateData
    public record Report(List<String> concerns, String urgency, String channel, String acceptedAt, boolean legalAid,
            String narrative, String district, String province, List<ChildRow> children) {
    }

    @TemplateData
    public record ChildRow(String age, String gender, String district, String province) {
    }

    @TemplateData
    public record HistoryRow(String changedAt, String changedBy, String fromStatus, String toStatus, String reason,
            String outcome) {
    }

    @TemplateData
    public record NoteRow(String writtenAt, String writtenBy, String text) {
    }

    /** One outgoing SMS as notification-service lists it: no phone number and no text. */
    @TemplateData
    public record SmsRow(String createdAt, String kind, String language, boolean discreet, String senderId,
            String status, int parts, int attempts, String completedAt, String lastError) {
    }

    /** An option of a select element. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    /** An invalid form field, as the API names it, and what is expected there. */
    @TemplateData
    public record FieldError(String field, String message) {
    }
}
