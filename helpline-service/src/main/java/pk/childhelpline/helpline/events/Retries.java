package pk.childhelpline.helpline.events;

import java.util.function.Supplier;

import io.quarkus.logging.Log;

/**
 * Retries a consumer's database work a few times with a doubling pause, so that a short database outage does not stop
 * the Kafka channel. After the last attempt the failure propagates: the channel then fails, the liveness check turns
 * DOWN, and the record is consumed again after a restart because its offset was not committed.
 */
public final class Retries {

    static final int ATTEMPTS = 5;

    private Retries() {
    }

    public static <T> T withBackoff(String what, Supplier<T> work) {
        long pauseMillis = 500;
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    Log.errorf(e, "Giving up on %s after %d attempts", what, attempt);
                    throw e;
                }
                Log.warnf("Attempt %d of %s failed (%s); retrying in %d ms", attempt, what, e.getClass().getSimpleName(),
                        pauseMillis);
                sleep(pauseMillis);
                pauseMillis *= 2;
            }
        }
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
