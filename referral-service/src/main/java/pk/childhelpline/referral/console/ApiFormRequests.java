package pk.childhelpline.referral.console;

import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import pk.childhelpline.referral.common.Problem;

/**
 * Keeps the console's CSRF check away from the JSON API. The CSRF filter checks every form-typed request, and some
 * HTTP clients label a body-less POST (such as {@code /claim}) as a form. On {@code /api} paths this filter drops the
 * form type of a request without a body, and rejects a form with a body with 415, because the API takes only JSON.
 */
public class ApiFormRequests {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> dropFormTypeOnApi(ContainerRequestContext context) {
        if (!context.getUriInfo().getPath().startsWith("/api/") || HttpMethod.GET.equals(context.getMethod())
                || !isForm(context.getMediaType())) {
            return Optional.empty();
        }
        if (hasBody(context)) {
            return Optional.of(Response.status(415).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(415, "Unsupported media type", "Send the request body as application/json"))
                    .build());
        }
        context.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        return Optional.empty();
    }

    private static boolean isForm(MediaType type) {
        return type != null && (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)
                || MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type));
    }

    private static boolean hasBody(ContainerRequestContext context) {
        String length = context.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return context.getHeaderString("Transfer-Encoding") != null || length != null && !"0".equals(length.strip());
    }
}
