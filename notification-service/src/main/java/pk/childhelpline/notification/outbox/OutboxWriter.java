package pk.childhelpline.notification.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes an event to the outbox in the caller's transaction; {@link OutboxRelay} publishes it. */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Clock clock;

    public OutboxWriter(EntityManager entityManager, ObjectMapper mapper, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Stores the event in its envelope ({@code type}, {@code version} 1, {@code eventId}, {@code occurredAt}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID write(String topic, String key, String type, UUID caseId, Object payload) {
        UUID eventId = UUID.randomUUID();
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("eventId", eventId.toString());
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("caseId", caseId == null ? null : caseId.toString());
        envelope.set("payload", mapper.valueToTree(payload));
        String json;
        try {
            json = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serialising event " + type + " failed", e);
        }
        entityManager.createNativeQuery("""
                INSERT INTO outbox (id, topic, record_key, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, eventId).setParameter(2, topic).setParameter(3, key).setParameter(4, json)
                .setParameter(5, clock.instant()).executeUpdate();
        return eventId;
    }
}
