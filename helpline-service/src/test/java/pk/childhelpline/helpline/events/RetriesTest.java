package pk.childhelpline.helpline.events;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetriesTest {

    @Test
    void retriesDatabaseFailureBeyondAttemptLimit() {
        AtomicInteger calls = new AtomicInteger();

        String result = Retries.withBackoff("test event", () -> {
            if (calls.incrementAndGet() <= 8) {
                throw new PersistenceException("connection refused", new SQLException("Connection refused", "08001"));
            }
            return "stored";
        }, 1);

        assertEquals("stored", result);
        assertEquals(9, calls.get());
    }

    @Test
    void givesUpOnOtherFailureAfterFiveAttempts() {
        AtomicInteger calls = new AtomicInteger();

        assertThrows(IllegalStateException.class, () -> Retries.withBackoff("test event", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug, not an outage");
        }, 1));

        assertEquals(Retries.ATTEMPTS, calls.get());
    }
}
