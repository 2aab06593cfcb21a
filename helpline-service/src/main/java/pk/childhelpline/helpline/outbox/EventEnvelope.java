package pk.childhelpline.helpline.outbox;

import java.time.Instant;
import java.util.UUID;

/** The versioned envelope of every event: type, version, event id, time, the case id and the payload. */
public record EventEnvelope<T>(String type, int version, UUID eventId, Instant occurredAt, String caseId, T payload) {
}
