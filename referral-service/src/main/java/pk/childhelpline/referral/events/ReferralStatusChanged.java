package pk.childhelpline.referral.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code ReferralStatusChanged}, published for every transition including creation ({@code fromStatus}
 * null). {@code openReferralsOfCase} counts the case's referrals that are not RESOLVED, CLOSED, REJECTED or
 * TRANSFERRED after the change.
 */
public record ReferralStatusChanged(UUID referralId, String reference, DestinationRef destination, String fromStatus,
        String toStatus, Instant changedAt, String changedBy, String reason, String outcome, long openReferralsOfCase,
        boolean firstAcceptanceOfCase) {

    public static final String TYPE = "ReferralStatusChanged";
}
