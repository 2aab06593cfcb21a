package pk.childhelpline.notification.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows to Kafka in order and marks them published. A row stays unpublished until the broker
 * acknowledges it, so an outage delays events but loses none (and a crash after the send may publish one twice,
 * which consumers absorb by event id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 100;

    private final EntityManager entityManager;
    private final MutinyEmitter<String> emitter;
    private final Clock clock;

    public OutboxRelay(EntityManager entityManager, @Channel("outbox") MutinyEmitter<String> emitter, Clock clock) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.clock = clock;
    }

    /** Publishes up to one batch; a failure rolls back the marks of this round, and the next round retries. */
    @Scheduled(every = "${notification.outbox.interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    @SuppressWarnings("unchecked")
    public void relay() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, topic, record_key, payload FROM outbox WHERE published_at IS NULL
                ORDER BY created_at LIMIT ?1 FOR UPDATE SKIP LOCKED""").setParameter(1, BATCH).getResultList();
        for (Object[] row : rows) {
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic((String) row[1]).withKey((String) row[2]).build();
            emitter.sendMessageAndAwait(Message.of((String) row[3]).addMetadata(metadata));
            entityManager.createNativeQuery("UPDATE outbox SET published_at = ?2 WHERE id = ?1")
                    .setParameter(1, (UUID) row[0]).setParameter(2, clock.instant()).executeUpdate();
        }
        if (!rows.isEmpty()) {
            Log.debugf("Published %d outbox event(s)", rows.size());
        }
    }
}
