package pk.childhelpline.helpline.console;

import java.time.Duration;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The language switch of the console: a GET of any console page with {@code ?lang=ur} or {@code ?lang=en} stores the
 * choice in a cookie and redirects to the same page without the parameter.
 */
public class ConsoleLanguage {

    private static final int COOKIE_MAX_AGE = (int) Duration.ofDays(365).toSeconds();

    @ServerRequestFilter(preMatching = true)
    public Response switchLanguage(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (!"GET".equals(context.getMethod()) || !(path.equals("/console") || path.startsWith("/console/"))) {
            return null;
        }
        String chosen = context.getUriInfo().getQueryParameters().getFirst("lang");
        if (chosen == null) {
            return null;
        }
        NewCookie cookie = new NewCookie.Builder(ConsoleResource.LANGUAGE_COOKIE).value("ur".equals(chosen) ? "ur" : "en")
                .path("/console").sameSite(NewCookie.SameSite.LAX).httpOnly(true).maxAge(COOKIE_MAX_AGE).build();
        return Response.seeOther(context.getUriInfo().getRequestUriBuilder().replaceQueryParam("lang").build())
                .cookie(cookie).build();
    }
}
