package pk.childhelpline.helpline.intake;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

import pk.childhelpline.helpline.common.Caller;
import pk.childhelpline.helpline.common.Page;
import pk.childhelpline.helpline.common.ProblemException;
import pk.childhelpline.helpline.common.QueryParams;
import pk.childhelpline.helpline.reference.Concern;
import pk.childhelpline.helpline.timeline.TimelineService;

/**
 * The operator API for reports. Every endpoint is for operators and supervisors; officers work their referral queues
 * in referral-service and administrators manage the system, so both get 403 here.
 */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    /** A note for the case timeline. */
    public record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }

    /** The reference of the report to link with. */
    public record LinkRequest(@NotBlank String reference) {
    }

    @Inject
    ReportService reports;

    @Inject
    ReportValidator validator;

    @Inject
    ReportCorrections corrections;

    @Inject
    TimelineService timeline;

    @Inject
    Caller caller;

    @Inject
    MeterRegistry registry;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "File a report; answers 201 with the case reference, warnings and possible duplicates")
    public Response create(ReportRequest request) {
        ReportValidator.Validated validated = validate(request, false, validator, registry);
        ReportService.Filed filed = reports.file(validated, Report.Source.OPERATOR, caller.username());
        return Response.created(URI.create("/api/reports/" + filed.view().reference())).entity(filed.view()).build();
    }

    /** Validates a public intake request body, counting rejections for the metrics. */
    public static ReportValidator.Validated validatePublic(ReportRequest request, ReportValidator validator,
            MeterRegistry registry) {
        return validate(request, true, validator, registry);
    }

    /** Validates a request body, counting rejections for the metrics. */
    static ReportValidator.Validated validate(ReportRequest request, boolean publicIntake, ReportValidator validator,
            MeterRegistry registry) {
        try {
            if (request == null) {
                throw ProblemException.invalid("(body)", "a report is required as a JSON object");
            }
            return validator.validate(request, publicIntake);
        } catch (ProblemException e) {
            registry.counter("helpline.reports.rejected", "intake", publicIntake ? "PUBLIC" : "OPERATOR").increment();
            throw e;
        }
    }

    @GET
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "List reports, newest first, with filters; province and district match the incident or a child's home")
    public Page<ReportViews.Summary> list(@QueryParam("receivedFrom") String receivedFrom,
            @QueryParam("receivedTo") String receivedTo, @QueryParam("province") String province,
            @QueryParam("district") String district, @QueryParam("concern") String concern,
            @QueryParam("urgency") String urgency, @QueryParam("status") String status, @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryParams.checkPaging(page, size);
        ReportFilter filter = new ReportFilter(QueryParams.time("receivedFrom", receivedFrom),
                QueryParams.time("receivedTo", receivedTo), blankToNull(province), blankToNull(district),
                QueryParams.enumValue("concern", concern, Concern.class),
                QueryParams.enumValue("urgency", urgency, Urgency.class),
                QueryParams.enumValue("status", status, ReportStatus.class), blankToNull(text));
        return reports.list(filter, page, size);
    }

    @GET
    @Path("/{reference}")
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "Read a report without the reporter's contact details")
    public ReportViews.Detail get(@PathParam("reference") String reference) {
        return reports.detail(reference);
    }

    @GET
    @Path("/{reference}/contact")
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "Read the reporter's name and phone number; every read is recorded with who and when")
    public ReportViews.Contact contact(@PathParam("reference") String reference) {
        return reports.readContact(reference, caller.username());
    }

    @GET
    @Path("/{reference}/contact-reads")
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    @Operation(summary = "List who read the reporter's contact details and when, newest first (supervisors and administrators)")
    public Page<ReportViews.ContactReadEntry> contactReads(@PathParam("reference") String reference,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        QueryParams.checkPaging(page, size);
        return reports.contactReads(reference, page, size);
    }

    @PATCH
    @Path("/{reference}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "Correct a report with a JSON merge patch; publishes ReportCorrected")
    public ReportViews.Corrected correct(@PathParam("reference") String reference, JsonNode patch)
            throws JsonProcessingException {
        return corrections.correct(reference, patch, caller.username());
    }

    @GET
    @Path("/{reference}/timeline")
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "The case timeline: filing, corrections, notes, links and referral status changes, oldest first")
    public Page<TimelineService.Entry> timeline(@PathParam("reference") String reference,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("200") int size) {
        QueryParams.checkPaging(page, size);
        return timeline.timeline(reports.detailId(reference), page, size);
    }

    @POST
    @Path("/{reference}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "Add a note to the case timeline")
    public Response addNote(@PathParam("reference") String reference, NoteRequest note) {
        if (note == null || note.text() == null || note.text().isBlank()) {
            throw ProblemException.invalid("text", "must not be empty");
        }
        if (note.text().length() > 4000) {
            throw ProblemException.invalid("text", "must be at most 4000 characters");
        }
        Report report = reports.findReport(reference);
        return Response.status(201).entity(timeline.addNote(report.id, report.reference, note.text(), caller.username()))
                .build();
    }

    @POST
    @Path("/{reference}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(summary = "Link this report with another one, for example a confirmed duplicate; both are kept")
    public ReportViews.Detail link(@PathParam("reference") String reference, LinkRequest link) {
        if (link == null || link.reference() == null || link.reference().isBlank()) {
            throw ProblemException.invalid("reference", "must be the reference of the report to link with");
        }
        return reports.link(reference, link.reference(), caller.username());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
