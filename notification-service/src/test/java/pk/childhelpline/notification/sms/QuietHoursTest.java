package pk.childhelpline.notification.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuietHoursTest {

    private static QuietHours quietHours(boolean enabled) {
        return new QuietHours(new SmsConfig.QuietHours() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public LocalTime start() {
                return LocalTime.of(21, 0);
            }

            @Override
            public LocalTime end() {
                return LocalTime.of(8, 0);
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Karachi");
            }
        });
    }

    @Test
    void holdsEveningUntilMorning() {
        // 17:30 UTC is 22:30 in Karachi (UTC+5).
        Instant evening = Instant.parse("2026-10-01T17:30:00Z");

        assertEquals(Instant.parse("2026-10-02T03:00:00Z"), quietHours(true).releaseTime(evening));
    }

    @Test
    void holdsEarlyMorningUntilEight() {
        Instant night = Instant.parse("2026-10-01T22:00:00Z");

        assertEquals(Instant.parse("2026-10-02T03:00:00Z"), quietHours(true).releaseTime(night));
    }

    @Test
    void sendsDaytimeAtOnce() {
        Instant noon = Instant.parse("2026-10-01T07:00:00Z");

        assertEquals(noon, quietHours(true).releaseTime(noon));
    }

    @Test
    void sendsAtOnceWhenDisabled() {
        Instant evening = Instant.parse("2026-10-01T17:30:00Z");

        assertEquals(evening, quietHours(false).releaseTime(evening));
    }

    @Test
    void releasesAtEndBoundary() {
        Instant eight = Instant.parse("2026-10-02T03:00:00Z");
        Instant beforeNine = Instant.parse("2026-10-01T15:59:00Z");

        assertEquals(eight, quietHours(true).releaseTime(eight));
        assertEquals(beforeNine, quietHours(true).releaseTime(beforeNine));
    }
}
