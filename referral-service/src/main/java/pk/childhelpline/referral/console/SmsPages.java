package pk.childhelpline.referral.console;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import pk.childhelpline.referral.common.Caller;
import pk.childhelpline.referral.console.ConsoleViews.SmsRow;

/**
 * The SMS history of a case, read from notification-service with the supervisor's own access token, so that
 * notification-service applies its own role check. When notification-service cannot be reached in time, the page
 * shows that the history is not available instead of failing.
 */
@Path("/console/sms")
@Produces(MediaType.TEXT_HTML)
public class SmsPages {

    /** Messages shown for one case; a case gets a handful (received, referred, accepted, resolved). */
    static final int MAX_MESSAGES = 200;

    @Inject
    @RestClient
    NotificationClient notifications;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @Inject
    ConsolePage page;

    @Inject
    ConsoleErrors errors;

    @Location("console/sms.html")
    Template sms;

    @GET
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    public TemplateInstance history(@QueryParam("reference") String reference) {
        TemplateInstance view = page.of(sms, "sms").data("reference", reference == null ? "" : reference.strip())
                .data("rows", List.of()).data("unavailable", false).data("invalid", null).data("searched", false);
        if (reference == null || reference.isBlank()) {
            return view;
        }
        try {
            NotificationClient.MessagePage messages = notifications.messages(reference.strip(), MAX_MESSAGES,
                    bearer());
            return view.data("rows", messages.items().stream().map(SmsPages::row).toList()).data("searched", true);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                return view.data("invalid", problemField(e));
            }
            Log.warnf("notification-service returned status %d to the SMS history request",
                    e.getResponse().getStatus());
            return view.data("unavailable", true);
        } catch (RuntimeException e) {
            // Connection refused, a timeout or an unreadable response, so the page shows that the history is not available.
            Log.warnf("notification-service is not reachable for the SMS history: %s", e.getClass().getSimpleName());
            return view.data("unavailable", true);
        }
    }

    private String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : "Bearer " + token.getToken();
    }

    /** Returns the message of notification-service's field error for {@code reference}. */
    private String problemField(WebApplicationException e) {
        try {
            JsonNode problem = mapper.readTree(e.getResponse().readEntity(String.class));
            for (JsonNode error : problem.path("errors")) {
                return error.path("message").asText();
            }
            return problem.path("detail").asText("is not a valid case reference");
        } catch (RuntimeException | java.io.IOException parseFailure) {
            return "is not a valid case reference";
        }
    }

    private static SmsRow row(NotificationClient.Message message) {
        return new SmsRow(ConsoleFormat.time(message.createdAt()), ConsoleFormat.words(message.kind()),
                message.language(), message.discreet(), message.senderId(), message.status(), message.parts(),
                message.attempts(), ConsoleFormat.time(message.completedAt()), message.lastError());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return errors.forbidden();
    }

}
