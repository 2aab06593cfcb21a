package pk.childhelpline.referral.console;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service's list of outgoing SMS ({@code GET /api/messages}), called with the signed-in supervisor's own
 * access token. The service returns no phone numbers and no message texts.
 */
@RegisterRestClient(configKey = "notification")
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationClient {

    /** One page of messages, newest first. */
    record MessagePage(List<Message> items, long total) {
    }

    /** An outgoing SMS as notification-service's MessageView writes it. */
    record Message(String id, String reference, String kind, String language, boolean discreet, String senderId,
            String status, int dataCoding, int parts, int attempts, String lastError, Instant createdAt,
            Instant notBefore, Instant submittedAt, Instant completedAt) {
    }

    @GET
    MessagePage messages(@QueryParam("reference") String reference, @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);
}
