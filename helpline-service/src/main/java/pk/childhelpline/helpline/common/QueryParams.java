package pk.childhelpline.helpline.common;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Parses query parameters so that a bad value gets a 400 naming the parameter, not the 404 of JAX-RS. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 time with offset, such as 2026-10-01T00:00:00+05:00");
        }
    }

    /** Checks paging parameters: {@code page} from 0, {@code size} from 1 to {@link Page#MAX_SIZE}. */
    public static void checkPaging(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + Page.MAX_SIZE);
        }
    }
}
