package pk.childhelpline.helpline.console;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Formats for the console templates: times are shown in Pakistan time with the zone, whatever the server's zone. */
@TemplateExtension
public final class ConsoleFormats {

    /** The helpline's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Karachi");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private ConsoleFormats() {
    }

    /** Formats an instant as {@code 2026-10-01 14:05 PKT}. */
    static String shown(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZONE));
    }

    /** Formats a time with offset in Pakistan time. */
    static String shown(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(ZONE));
    }
}
