package pk.childhelpline.referral.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes times as the console shows them: in Pakistan's time zone, with the zone's abbreviation. */
public final class ConsoleFormat {

    static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH)
            .withZone(KARACHI);

    private ConsoleFormat() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Writes a code such as {@code CHILD_MARRIAGE} as words: "CHILD MARRIAGE". */
    public static String words(String code) {
        return code == null ? "" : code.replace('_', ' ');
    }
}
