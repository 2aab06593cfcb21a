package pk.childhelpline.helpline.identity;

import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import pk.childhelpline.helpline.common.Caller;

/** Tells a signed-in client who it is, so that a console can show the right pages. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The caller's user name, realm roles, and organisation and office where the token carries them. */
    public record Me(String username, Set<String> roles, String organisation, String office) {
    }

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Caller.OPERATOR, Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN})
    public Me me() {
        return new Me(caller.username(), new TreeSet<>(caller.roles()), caller.organisation().orElse(null),
                caller.office().orElse(null));
    }
}
