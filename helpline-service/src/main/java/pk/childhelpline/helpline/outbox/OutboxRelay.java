package pk.childhelpline.helpline.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka in the order they were written, and marks them sent once the broker acknowledged
 * them. A failed send stops the run, so that no later event of the same case overtakes it, and the relay waits with
 * a doubling back-off before trying again. A PostgreSQL advisory lock lets only one instance relay at a time.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long ADVISORY_LOCK_ID = 0x68656c706c696e65L;

    @Inject
    EntityManager entityManager;

    @Inject
    KafkaProducers producers;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backoff = Duration.ZERO;

    private final AtomicLong pending = new AtomicLong();

    OutboxRelay(MeterRegistry registry) {
        registry.gauge("helpline.outbox.pending", pending);
    }

    @Scheduled(every = "${helpline.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (clock.instant().isBefore(nextAttempt)) {
            return;
        }
        try {
            BatchResult result;
            do {
                result = QuarkusTransaction.requiringNew().timeout(120).call(this::publishBatch);
                if (result.failure() != null) {
                    throw result.failure();
                }
            } while (result.sent() == config.batchSize());
            backoff = Duration.ZERO;
        } catch (RuntimeException e) {
            backoff = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
            if (backoff.compareTo(config.maxBackoff()) > 0) {
                backoff = config.maxBackoff();
            }
            nextAttempt = clock.instant().plus(backoff);
            Log.warnf("Publishing the outbox failed (%s); retrying in %d s", e.getMessage(), backoff.toSeconds());
        }
    }

    /** Returns the number of events that Kafka had not acknowledged at the end of the last run. */
    public long pendingCount() {
        return pending.get();
    }

    /** Returns the time of the next attempt while the relay backs off after a failure. */
    public Instant nextAttempt() {
        return nextAttempt;
    }

    private record BatchResult(int sent, RuntimeException failure) {
    }

    private BatchResult publishBatch() {
        Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:id)")
                .setParameter("id", ADVISORY_LOCK_ID).getSingleResult();
        if (!locked) {
            return new BatchResult(0, null);
        }
        List<OutboxEvent> events = OutboxEvent.find("sentAt is null order by id").page(0, config.batchSize()).list();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            event.attempts++;
        }
        int acknowledged = 0;
        try {
            for (OutboxEvent event : events) {
                acks.add(producers.producer().send(new ProducerRecord<>(event.topic, event.recordKey, event.payload)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(15, TimeUnit.SECONDS);
                acknowledged++;
            }
        } catch (Exception e) {
            OutboxEvent failed = events.get(acknowledged);
            Log.warnf("Kafka did not acknowledge event %s (%s) of case %s after %d attempt(s)", failed.eventId,
                    failed.eventType, failed.recordKey, failed.attempts);
            markSent(events.subList(0, acknowledged));
            pending.set(OutboxEvent.count("sentAt is null"));
            return new BatchResult(acknowledged, new IllegalStateException(e.getMessage(), e));
        }
        markSent(events);
        pending.set(OutboxEvent.count("sentAt is null"));
        if (!events.isEmpty()) {
            Log.infof("Published %d outbox event(s)", events.size());
        }
        return new BatchResult(events.size(), null);
    }

    private void markSent(List<OutboxEvent> events) {
        Instant now = clock.instant();
        for (OutboxEvent event : events) {
            event.sentAt = now;
        }
    }
}
