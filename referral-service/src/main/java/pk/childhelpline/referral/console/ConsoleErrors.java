package pk.childhelpline.referral.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import pk.childhelpline.referral.common.ProblemException;

/**
 * Error pages of the console. The API returns the same errors as problem+json, and a browser gets a page in
 * the console's layout and language instead.
 */
@ApplicationScoped
public class ConsoleErrors {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    ConsolePage page;

    @Location("console/error.html")
    Template error;

    public Response forbidden() {
        return render(403, "forbidden");
    }

    /** Renders the page for a form whose CSRF token is missing or does not match its cookie. */
    public Response csrfFailed() {
        Log.warn("Console form rejected: missing or wrong CSRF token");
        return render(400, "csrf");
    }

    public Response notFound() {
        return render(404, "not-found");
    }

    /** Maps a problem of the queue services: 403 and 404 get their pages, anything else the general error page. */
    public Response problem(ProblemException e) {
        return switch (e.problem().status()) {
            case 403 -> forbidden();
            case 404 -> notFound();
            default -> {
                Log.warnf("Console request failed with status %d", e.problem().status());
                yield render(e.problem().status(), "error");
            }
        };
    }

    private Response render(int status, String kind) {
        return Response.status(status).type(HTML).entity(page.of(error, null).data("kind", kind).render()).build();
    }
}
