package pk.childhelpline.notification.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Records processed event ids in the caller's transaction, so that a redelivered event has no second effect. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the id and returns true on its first time, false when it was processed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_event (event_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId).executeUpdate() == 1;
    }
}
