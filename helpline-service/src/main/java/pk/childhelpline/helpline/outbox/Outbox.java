package pk.childhelpline.helpline.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes events to the outbox table in the caller's transaction; {@link OutboxRelay} publishes them. */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String type, UUID caseId, Object payload) {
        EventEnvelope<Object> envelope = new EventEnvelope<>(type, 1, UUID.randomUUID(), clock.instant(),
                caseId.toString(), payload);
        OutboxEvent event = new OutboxEvent();
        event.eventId = envelope.eventId();
        event.topic = topic;
        event.recordKey = caseId.toString();
        event.eventType = type;
        event.createdAt = envelope.occurredAt();
        try {
            event.payload = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write event " + type + " as JSON", e);
        }
        event.persist();
        return envelope.eventId();
    }
}
