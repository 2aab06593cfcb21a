package pk.childhelpline.referral.queue;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import pk.childhelpline.referral.common.Caller;
import pk.childhelpline.referral.common.Page;
import pk.childhelpline.referral.common.Problem;

/** The referral queues of officers and supervisors. */
@Path("/api/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
@RolesAllowed({Caller.OFFICER, Caller.SUPERVISOR})
public class ReferralResource {

    @Inject
    ReferralService service;

    @GET
    @Operation(summary = "Lists the caller's queue (every queue for a supervisor), sorted by deadline")
    public Page<ReferralView> list(@QueryParam("status") List<String> status, @QueryParam("priority") String priority,
            @QueryParam("overdue") Boolean overdue, @QueryParam("province") String province,
            @QueryParam("organisation") String organisation, @QueryParam("office") String office,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return service.list(new ReferralService.QueueFilter(status, priority, overdue, province, organisation, office),
                page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Returns one referral with the report, its history and notes")
    public ReferralView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Claims a pending or escalated referral (ACCEPTED)")
    public ReferralView claim(@PathParam("id") UUID id) {
        return service.claim(id);
    }

    @POST
    @Path("/{id}/start")
    @Operation(summary = "Starts work on an accepted referral (IN_PROGRESS)")
    public ReferralView start(@PathParam("id") UUID id) {
        return service.start(id);
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a note")
    public ReferralView addNote(@PathParam("id") UUID id, ReferralRequests.NewNote request) {
        return service.addNote(id, request);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolves an accepted or in-progress referral with an outcome code")
    public ReferralView resolve(@PathParam("id") UUID id, ReferralRequests.Outcome request) {
        return service.resolve(id, request);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Closes an open referral with an outcome code")
    public ReferralView close(@PathParam("id") UUID id, ReferralRequests.Outcome request) {
        return service.close(id, request);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rejects a referral with a reason")
    public ReferralView reject(@PathParam("id") UUID id, ReferralRequests.Rejection request) {
        return service.reject(id, request);
    }

    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Transfers a referral to another organisation's office")
    public ReferralView transfer(@PathParam("id") UUID id, ReferralRequests.Transfer request) {
        return service.transfer(id, request);
    }

    /** Maps a lost race, such as the second of two concurrent claims, to 409 Conflict. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange() {
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(Problem.of(409, "Conflict",
                "Someone else changed this referral at the same time; reload it and try again")).build();
    }
}
