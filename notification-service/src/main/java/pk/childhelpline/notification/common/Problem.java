package pk.childhelpline.notification.common;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, sent as application/problem+json. {@code errors} lists each invalid field by its JSON
 * path with what was expected.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path (for example {@code children[0].ageYears}) and what is expected there. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(URI.create("https://childhelpline.pk/problems/validation"), "Invalid request", 400, detail,
                null, errors);
    }

    private static URI typeFor(int status) {
        return URI.create("https://childhelpline.pk/problems/http-" + status);
    }
}
