package pk.childhelpline.referral.queue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import pk.childhelpline.referral.events.DestinationRef;

/**
 * A referral as officers see it: its state and the report (never the reporter). {@code history} and {@code notes}
 * are filled only when one referral is read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(UUID id, UUID caseId, String reference, DestinationRef destination, String province,
        String priority, ReferralStatus status, Instant reportAcceptedAt, Instant deadline, boolean overdue,
        Instant createdAt, Instant updatedAt, String claimedBy, Instant claimedAt, Instant escalatedAt,
        String outcome, UUID transferredFrom, Integer rulesVersion, long version, JsonNode report,
        List<HistoryEntry> history, List<Note> notes) {

    /** One status change; {@code lateBySeconds} gives how long after the deadline an overdue referral was claimed. */
    public record HistoryEntry(String fromStatus, String toStatus, Instant changedAt, String changedBy, String reason,
            String outcome, Long lateBySeconds) {
    }

    public record Note(Instant writtenAt, String writtenBy, String text) {
    }
}
