package pk.childhelpline.notification.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Night hours (in the configured zone, Asia/Karachi by default) in which updates after the first are held. A period
 * may cross midnight (21:00 to 08:00).
 */
@ApplicationScoped
public class QuietHours {

    private final SmsConfig.QuietHours config;

    @Inject
    public QuietHours(SmsConfig config) {
        this(config.quietHours());
    }

    QuietHours(SmsConfig.QuietHours config) {
        this.config = config;
    }

    /** Returns when a held update may go: {@code now} outside quiet hours, else the end of the current period. */
    public Instant releaseTime(Instant now) {
        if (!config.enabled()) {
            return now;
        }
        ZonedDateTime local = now.atZone(config.zone());
        LocalTime time = local.toLocalTime();
        LocalTime start = config.start();
        LocalTime end = config.end();
        boolean crossesMidnight = start.isAfter(end);
        boolean quiet = crossesMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime release = local.with(end).withSecond(0).withNano(0);
        if (!release.isAfter(local)) {
            release = release.plusDays(1);
        }
        return release.toInstant();
    }
}
