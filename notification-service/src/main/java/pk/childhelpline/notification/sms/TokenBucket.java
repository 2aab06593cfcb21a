package pk.childhelpline.notification.sms;

import java.util.function.LongSupplier;

/**
 * A token bucket that paces submits to the rate the operator grants: {@code ratePerSecond} tokens a second, at most
 * {@code capacity} saved up. Time comes from an injectable nanosecond ticker and waiting goes through an injectable
 * sleeper, so tests can drive it with a controllable clock.
 */
public final class TokenBucket {

    /** Waits for the given number of nanoseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier ticker;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, double capacity, LongSupplier ticker, Sleeper sleeper) {
        if (ratePerSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("The rate must be positive and the capacity at least 1");
        }
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.capacity = capacity;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.last = ticker.getAsLong();
    }

    /** Creates a bucket on the system's monotonic clock that saves at most one second of tokens. */
    public static TokenBucket system(double ratePerSecond) {
        return new TokenBucket(ratePerSecond, Math.max(1, ratePerSecond), System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /**
     * Takes a token if one is available.
     *
     * @return 0 when a token was taken, else the nanoseconds until the next one
     */
    public synchronized long tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / ratePerNano);
    }

    /** Takes a token, waiting until one is available. */
    public void acquire() throws InterruptedException {
        long wait;
        while ((wait = tryAcquire()) > 0) {
            sleeper.sleep(wait);
        }
    }

    private void refill() {
        long now = ticker.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
    }
}
