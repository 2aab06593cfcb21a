package pk.childhelpline.helpline.sms;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import pk.childhelpline.helpline.common.Caller;
import pk.childhelpline.helpline.common.Page;
import pk.childhelpline.helpline.common.ProblemException;
import pk.childhelpline.helpline.common.QueryParams;
import pk.childhelpline.helpline.intake.ReportRequest;
import pk.childhelpline.helpline.intake.ReportService;

/** Incoming SMS contacts for operators and supervisors; officers and administrators get 403. */
@Path("/api/incoming-sms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incoming SMS")
public class IncomingSmsResource {

    /** The operator's note on how the message was handled. */
    public record HandledRequest(String note) {
    }

    @Inject
    IncomingSmsService service;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "List incoming SMS, newest first, optionally by status (NEW, HANDLED, REPORTED)")
    public Page<IncomingSmsService.View> list(@QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryParams.checkPaging(page, size);
        return service.list(QueryParams.enumValue("status", status, IncomingSms.Status.class), page, size);
    }

    @POST
    @Path("/{id}/handled")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "Mark an SMS handled, with a note saying how")
    public IncomingSmsService.View markHandled(@PathParam("id") String id, HandledRequest request) {
        if (request == null || request.note() == null || request.note().isBlank()) {
            throw ProblemException.invalid("note", "must not be empty; say how the message was handled");
        }
        if (request.note().length() > 4000) {
            throw ProblemException.invalid("note", "must be at most 4000 characters");
        }
        return service.markHandled(parseId(id), request.note(), caller.username());
    }

    @POST
    @Path("/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "Turn an SMS into a report; the sender's number becomes the reporter's phone")
    public Response turnIntoReport(@PathParam("id") String id, ReportRequest request) {
        if (request == null) {
            throw ProblemException.invalid("(body)", "a report is required as a JSON object");
        }
        ReportService.Filed filed = service.turnIntoReport(parseId(id), request, caller.username());
        return Response.created(URI.create("/api/reports/" + filed.view().reference())).entity(filed.view()).build();
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No incoming SMS with id " + id);
        }
    }
}
