package pk.childhelpline.referral.console;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The console's language switch and caching rule. A link with {@code ?lang=ur} or {@code ?lang=en} stores the choice
 * in a cookie and redirects to the same page without the parameter. Pages show personal data, so no browser or proxy
 * may store them.
 */
public class ConsoleFilters {

    private static final Set<String> LANGUAGES = Set.of("en", "ur");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> switchLanguage(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        MultivaluedMap<String, String> query = context.getUriInfo().getQueryParameters();
        if (!isConsole(path) || !query.containsKey("lang") || !"GET".equals(context.getMethod())) {
            return Optional.empty();
        }
        // The builder keeps the request's own encoding, so no path or value is decoded and parsed again.
        Response.ResponseBuilder redirect = Response
                .seeOther(context.getUriInfo().getRequestUriBuilder().replaceQueryParam("lang").build());
        String language = query.getFirst("lang");
        if (LANGUAGES.contains(language)) {
            redirect.cookie(new NewCookie.Builder(ConsolePage.LANGUAGE_COOKIE).value(language).path("/console")
                    .sameSite(NewCookie.SameSite.LAX).httpOnly(true).maxAge((int) Duration.ofDays(365).toSeconds())
                    .build());
        }
        return Optional.of(redirect.build());
    }

    @Inject
    ConsoleErrors errors;

    /**
     * Forbids storing console pages, and explains a form that the CSRF filter rejected, because that filter
     * returns 400 without a body.
     */
    @ServerResponseFilter
    public void finishConsoleResponse(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isConsole(request.getUriInfo().getPath())) {
            return;
        }
        response.getHeaders().putSingle("Cache-Control", "no-store");
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            Response page = errors.csrfFailed();
            response.setEntity(page.getEntity(), new Annotation[0], ConsoleErrors.HTML);
        }
    }

    private static boolean isConsole(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }
}
