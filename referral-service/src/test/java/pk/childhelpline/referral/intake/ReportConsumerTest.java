package pk.childhelpline.referral.intake;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportConsumerTest {

    private static final ConsumerRecord<String, byte[]> RECORD = new ConsumerRecord<>("helpline.reports.v1", 0, 7L, "case",
            new byte[0]);

    /** Fails the first calls as the database would while PostgreSQL restarts, or with a given error. */
    private static final class FailingEvents extends ReportEvents {

        private final AtomicInteger calls = new AtomicInteger();
        private final int failures;
        private final RuntimeException error;

        FailingEvents(int failures, RuntimeException error) {
            this.failures = failures;
            this.error = error;
        }

        @Override
        public Outcome process(String topic, String key, byte[] value) {
            if (calls.incrementAndGet() <= failures) {
                throw error;
            }
            return Outcome.PROCESSED;
        }
    }

    @Test
    void retriesWhileDatabaseIsDown() throws InterruptedException {
        FailingEvents events = new FailingEvents(2,
                new IllegalStateException("commit failed", new SQLException("Connection refused", "08001")));
        ReportConsumer consumer = new ReportConsumer();
        consumer.events = events;

        consumer.consume(RECORD);

        assertEquals(3, events.calls.get());
    }

    @Test
    void passesOnOtherFailures() {
        FailingEvents events = new FailingEvents(1, new IllegalStateException("a bug"));
        ReportConsumer consumer = new ReportConsumer();
        consumer.events = events;

        assertThrows(IllegalStateException.class, () -> consumer.consume(RECORD));
        assertEquals(1, events.calls.get());
    }
}
