package pk.childhelpline.helpline.events;

import java.sql.SQLException;
import java.util.function.Supplier;

import io.quarkus.logging.Log;

/**
 * Retries a consumer's database work with a doubling pause. A failure caused by the database (an {@link SQLException}
 * somewhere in its causes) is retried until the database is back, so that a database restart neither stops the Kafka
 * channel nor skips a record. Any other failure is retried a few times and then propagates, so the channel stops and
 * reports the failure to its health check. The record's offset is not committed, so it is consumed again after a
 * restart.
 */
public final class Retries {

    static final int ATTEMPTS = 5;
    static final long FIRST_PAUSE_MILLIS = 500;
    static final long MAX_PAUSE_MILLIS = 30_000;

    private Retries() {
    }

    public static <T> T withBackoff(String what, Supplier<T> work) {
        return withBackoff(what, work, FIRST_PAUSE_MILLIS);
    }

    static <T> T withBackoff(String what, Supplier<T> work, long firstPauseMillis) {
        long pauseMillis = firstPauseMillis;
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS && !causedByDatabase(e)) {
                    Log.errorf(e, "Giving up on %s after %d attempts", what, attempt);
                    throw e;
                }
                Log.warnf("Attempt %d of %s failed (%s); retrying in %d ms", attempt, what, e.getClass().getSimpleName(),
                        pauseMillis);
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
