package pk.childhelpline.referral.intake;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads the reports topic, one record at a time in partition order. A record that fails because the database is
 * unreachable is retried in place until it succeeds, because the dead-letter topic is only for records that can
 * never be processed: sending a report there while PostgreSQL restarts would lose its referrals.
 */
@ApplicationScoped
public class ReportConsumer {

    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    @Inject
    ReportEvents events;

    @Incoming("reports")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 1;; attempt++) {
            try {
                events.process(record.topic(), record.key(), record.value());
                return;
            } catch (RuntimeException e) {
                if (!causedByDatabase(e)) {
                    throw e;
                }
                Log.warnf("Processing record %s-%d@%d failed on the database (attempt %d: %s); retrying in %d ms",
                        record.topic(), record.partition(), record.offset(), attempt, e.getMessage(), delay.toMillis());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
            }
        }
    }

    static boolean causedByDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
