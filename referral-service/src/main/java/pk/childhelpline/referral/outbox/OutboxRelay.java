package pk.childhelpline.referral.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka in id order. A PostgreSQL advisory lock lets one instance relay at a time, so that
 * the records of a case leave in the order they were written. After a failure, the rows from the first failed one on
 * stay unpublished and the relay waits with exponential back-off before it tries again from there.
 *
 * <p>
 * NOTE: rows after a failed one in the same batch may already have reached the broker; they are sent again on the
 * next attempt, so consumers see them twice (they de-duplicate by event id) and may see them before the failed row.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key held by the relaying instance for the length of its transaction. */
    private static final long RELAY_LOCK = 0x7265_6665_7272_616cL;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxProducer producer;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    private final AtomicLong pending = new AtomicLong();
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backoff = Duration.ZERO;

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void registerGauge() {
        registry.gauge("referral.outbox.pending", pending);
    }

    @Scheduled(every = "${referral.outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayScheduled() {
        if (Instant.now().isBefore(nextAttempt)) {
            return;
        }
        relayAll();
    }

    /** Publishes unpublished rows in batches, at most 50 batches per call; returns the number of records published. */
    public int relayAll() {
        int total = 0;
        for (int round = 0; round < 50; round++) {
            BatchResult result = QuarkusTransaction.requiringNew().call(this::relayBatch);
            total += result.published;
            if (result.failed) {
                backoff = backoff.isZero() ? config.initialBackoff() : min(backoff.multipliedBy(2), config.maxBackoff());
                nextAttempt = Instant.now().plus(backoff);
                Log.warnf("Outbox relay failed; retrying in %s", backoff);
                break;
            }
            backoff = Duration.ZERO;
            if (result.published < config.batchSize()) {
                break;
            }
        }
        return total;
    }

    record BatchResult(int published, boolean failed) {
    }

    /** Publishes one batch; runs in its own transaction, which holds the relay lock until it ends. */
    BatchResult relayBatch() {
        Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new BatchResult(0, false);
        }
        List<OutboxEvent> rows = OutboxEvent.find("publishedAt is null order by id").page(0, config.batchSize())
                .list();
        if (rows.isEmpty()) {
            pending.set(0);
            return new BatchResult(0, false);
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try {
            for (OutboxEvent row : rows) {
                sends.add(producer.get().send(toRecord(row)));
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Sending outbox record %d failed", rows.get(sends.size()).id);
            return acknowledge(rows, sends, true);
        }
        return acknowledge(rows, sends, false);
    }

    private BatchResult acknowledge(List<OutboxEvent> rows, List<Future<RecordMetadata>> sends, boolean sendFailed) {
        Instant now = clock.instant();
        int published = 0;
        for (int i = 0; i < sends.size(); i++) {
            OutboxEvent row = rows.get(i);
            try {
                sends.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                row.publishedAt = now;
                published++;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                row.attempts++;
                row.lastError = e.toString().length() > 1000 ? e.toString().substring(0, 1000) : e.toString();
                Log.warnf("Publishing outbox record %d to %s failed (attempt %d): %s", row.id, row.topic,
                        row.attempts, e.getMessage());
                pending.set(rows.size() - published);
                return new BatchResult(published, true);
            }
        }
        if (sendFailed && sends.size() < rows.size()) {
            OutboxEvent failed = rows.get(sends.size());
            failed.attempts++;
            failed.lastError = "send failed";
        }
        pending.set(rows.size() - published);
        return new BatchResult(published, sendFailed);
    }

    private static ProducerRecord<String, byte[]> toRecord(OutboxEvent row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.recordKey, row.payload);
        if (row.headers != null) {
            for (Map.Entry<String, String> header : row.headers.entrySet()) {
                record.headers().add(new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return record;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
