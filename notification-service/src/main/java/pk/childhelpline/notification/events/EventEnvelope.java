package pk.childhelpline.notification.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** The versioned JSON envelope of every event between the services; {@code payload} depends on {@code type}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(String type, int version, UUID eventId, Instant occurredAt, UUID caseId, JsonNode payload) {
}
