package pk.childhelpline.referral.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import pk.childhelpline.referral.events.EventEnvelope;

/**
 * Writes Kafka records to the outbox table in the caller's transaction, so that a record is published if and only if
 * the change that caused it commits.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** Appends an event in the versioned envelope, keyed by its case id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String type, UUID caseId, Object payload) {
        Instant now = clock.instant();
        EventEnvelope envelope = new EventEnvelope(type, 1, UUID.randomUUID(), now, caseId,
                mapper.valueToTree(payload));
        try {
            appendRaw(topic, caseId.toString(), mapper.writeValueAsBytes(envelope), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " of case " + caseId + " cannot be written as JSON", e);
        }
    }

    /** Appends a record as it is, for example a record sent on to a dead-letter topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.recordKey = key;
        event.payload = value != null ? value : "".getBytes(StandardCharsets.UTF_8);
        event.headers = headers;
        event.createdAt = clock.instant();
        event.persist();
    }
}
