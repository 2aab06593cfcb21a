package pk.childhelpline.notification.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Long> sleeps = new ArrayList<>();

    private TokenBucket bucket(double rate, double capacity) {
        return new TokenBucket(rate, capacity, now::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void allowsBurstUpToCapacity() {
        TokenBucket bucket = bucket(10, 10);

        for (int i = 0; i < 10; i++) {
            assertEquals(0, bucket.tryAcquire(), "token " + i);
        }

        assertEquals(100_000_000L, bucket.tryAcquire());
    }

    @Test
    void refillsAtConfiguredRate() {
        TokenBucket bucket = bucket(10, 1);
        bucket.tryAcquire();

        now.addAndGet(50_000_000L);
        long wait = bucket.tryAcquire();
        now.addAndGet(50_000_000L);

        assertEquals(50_000_000L, wait);
        assertEquals(0, bucket.tryAcquire());
    }

    @Test
    void pacesHundredAcquiresToRate() throws InterruptedException {
        TokenBucket bucket = bucket(100, 1);

        for (int i = 0; i < 101; i++) {
            bucket.acquire();
        }

        assertEquals(1_000_000_000L, now.get());
        assertEquals(100, sleeps.size());
    }

    @Test
    void neverSavesMoreThanCapacity() {
        TokenBucket bucket = bucket(5, 5);

        now.addAndGet(60_000_000_000L);
        int taken = 0;
        while (bucket.tryAcquire() == 0) {
            taken++;
        }

        assertEquals(5, taken);
        assertTrue(sleeps.isEmpty());
    }
}
