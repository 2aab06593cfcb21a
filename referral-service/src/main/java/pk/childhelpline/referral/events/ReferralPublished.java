package pk.childhelpline.referral.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Payload of {@code ReferralCreated} and {@code ReferralUpdated} on the destination's topic; {@code report} is the
 * report without the reporter.
 */
public record ReferralPublished(UUID referralId, String reference, DestinationRef destination, String priority,
        Instant deadline, JsonNode report) {

    public static final String CREATED = "ReferralCreated";
    public static final String UPDATED = "ReferralUpdated";
}
