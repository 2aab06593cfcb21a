package pk.childhelpline.referral.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** The versioned envelope of every event; the record key is {@code caseId}. */
public record EventEnvelope(String type, int version, UUID eventId, Instant occurredAt, UUID caseId,
        JsonNode payload) {
}
