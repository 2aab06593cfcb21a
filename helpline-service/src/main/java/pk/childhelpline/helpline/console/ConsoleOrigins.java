package pk.childhelpline.helpline.console;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.logging.Log;

/**
 * Rejects a console form that a page of another origin posted. The CSRF token is checked against a cookie, and
 * browsers share cookies between the ports of one host, so a page on another port of the same host could set that
 * cookie and post a matching token. The browser's Origin header (or Sec-Fetch-Site) identifies such a post. A
 * request with neither header does not come from a current browser, and the CSRF token alone protects it.
 */
public class ConsoleOrigins {

    static final String REJECTED = "This form was sent from another site and was not accepted. Open the console again"
            + " and send the form from its own page.";

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> rejectForeignOrigin(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        boolean console = path.equals("/console") || path.startsWith("/console/");
        if (!console || !"POST".equals(context.getMethod())) {
            return Optional.empty();
        }
        if (sameOrigin(context.getHeaderString("Origin"), context.getHeaderString("Sec-Fetch-Site"),
                context.getUriInfo().getRequestUri())) {
            return Optional.empty();
        }
        Log.warn("Rejected a console form posted from another origin");
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type("text/plain;charset=UTF-8").entity(REJECTED)
                .build());
    }

    /**
     * Returns whether a post with these headers comes from a page of the same origin as the request. Browsers send
     * {@code Origin: null} when the page's referrer policy is no-referrer, as the console's is, so then only
     * Sec-Fetch-Site identifies the page.
     */
    // NOTE: browsers send Sec-Fetch-Site only to secure origins (HTTPS or loopback), so over plain HTTP on another
    // address every console post arrives with Origin: null and no Sec-Fetch-Site, and is rejected.
    static boolean sameOrigin(String origin, String fetchSite, URI request) {
        if (origin != null && !origin.equals("null")) {
            return origin.equalsIgnoreCase(request.getScheme() + "://" + request.getRawAuthority());
        }
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        return origin == null;
    }
}
