package pk.childhelpline.referral.console;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;

import pk.childhelpline.referral.common.Caller;

/** The console's entry, which sends each role to its first page, and the page shown after signing out. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @Inject
    Caller caller;

    @Inject
    ConsolePage page;

    @Inject
    ConsoleErrors errors;

    @Location("console/signed-out.html")
    Template signedOut;

    @GET
    @Authenticated
    public Response home() {
        if (caller.hasRole(Caller.SUPERVISOR)) {
            return Response.seeOther(URI.create("/console/queues")).build();
        }
        if (caller.hasRole(Caller.OFFICER)) {
            return Response.seeOther(URI.create("/console/queue")).build();
        }
        if (caller.hasRole(Caller.ADMIN)) {
            return Response.seeOther(URI.create("/console/sms")).build();
        }
        return errors.forbidden();
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return page.of(signedOut, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return errors.forbidden();
    }
}
