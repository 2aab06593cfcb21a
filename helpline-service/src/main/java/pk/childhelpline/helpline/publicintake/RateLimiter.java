package pk.childhelpline.helpline.publicintake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Counts public intake requests per client address in fixed windows. The counts live in this instance's memory, so
 * with several instances a client may get the limit once per instance.
 */
@ApplicationScoped
public class RateLimiter {

    private record Window(Instant start, int count) {
    }

    @Inject
    PublicIntakeConfig config;

    @Inject
    Clock clock;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts a request; returns the seconds to wait when the address is over the limit, or empty when allowed. */
    public OptionalLong acquire(String address) {
        Instant now = clock.instant();
        Duration length = config.rateWindow();
        Window window = windows.compute(address, (key, current) -> current == null
                || !now.isBefore(current.start().plus(length))
                        ? new Window(now, 1)
                        : new Window(current.start(), current.count() + 1));
        if (window.count() <= config.rateLimit()) {
            return OptionalLong.empty();
        }
        long seconds = Duration.between(now, window.start().plus(length)).toSeconds();
        return OptionalLong.of(Math.max(1, seconds + 1));
    }

    @Scheduled(every = "1m")
    void evictExpired() {
        Instant cutoff = clock.instant().minus(config.rateWindow());
        windows.values().removeIf(window -> window.start().isBefore(cutoff));
    }
}
