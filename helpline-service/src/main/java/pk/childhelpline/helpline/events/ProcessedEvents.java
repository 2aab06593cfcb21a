package pk.childhelpline.helpline.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The ids of consumed events, recorded in the consumer's transaction so that a redelivered event has no effect. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** Records the event id; returns false when it was already recorded, so the caller skips the event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId) {
        int inserted = entityManager
                .createNativeQuery("INSERT INTO processed_event (event_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId).executeUpdate();
        return inserted == 1;
    }
}
