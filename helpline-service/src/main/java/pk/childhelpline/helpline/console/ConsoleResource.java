package pk.childhelpline.helpline.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import pk.childhelpline.helpline.common.Caller;
import pk.childhelpline.helpline.common.Page;
import pk.childhelpline.helpline.common.Problem;
import pk.childhelpline.helpline.common.ProblemException;
import pk.childhelpline.helpline.common.QueryParams;
import pk.childhelpline.helpline.intake.Channel;
import pk.childhelpline.helpline.intake.Gender;
import pk.childhelpline.helpline.intake.Language;
import pk.childhelpline.helpline.intake.Relationship;
import pk.childhelpline.helpline.intake.Report;
import pk.childhelpline.helpline.intake.ReportFilter;
import pk.childhelpline.helpline.intake.ReportService;
import pk.childhelpline.helpline.intake.ReportStatus;
import pk.childhelpline.helpline.intake.ReportValidator;
import pk.childhelpline.helpline.intake.ReportViews;
import pk.childhelpline.helpline.intake.Urgency;
import pk.childhelpline.helpline.reference.Concern;
import pk.childhelpline.helpline.reference.ConcernGroup;
import pk.childhelpline.helpline.reference.DistrictDirectory;
import pk.childhelpline.helpline.timeline.TimelineService;

/**
 * The operator console: HTML pages for logging calls, finding cases and working on a case. It calls the same services
 * and validation as the report API, with the same roles (operators and supervisors); everyone else gets a 403 page.
 * Forms post {@code application/x-www-form-urlencoded} with a CSRF token, and a saved form gets a redirect in
 * response (post/redirect/get).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    static final String LANGUAGE_COOKIE = "console_lang";
    static final int PAGE_SIZE = 25;
    private static final int MAX_NOTE = 4000;

    @Inject
    @Location("console/report-form.html")
    Template reportForm;

    @Inject
    @Location("console/filed.html")
    Template filed;

    @Inject
    @Location("console/cases.html")
    Template cases;

    @Inject
    @Location("console/case.html")
    Template casePage;

    @Inject
    @Location("console/message.html")
    Template message;

    @Inject
    ReportValidator validator;

    @Inject
    ReportService reports;

    @Inject
    ConsoleIntake intake;

    @Inject
    TimelineService timeline;

    @Inject
    DistrictDirectory directory;

    @Inject
    Caller caller;

    @Inject
    HttpServerRequest request;

    /** The layout's data: language, direction, signed-in user and role. */
    public record View(String lang, String dir, String user, String role, String title) {
    }

    /** The concerns of one UNCRC group, in the order of the taxonomy. */
    public record ConcernGroupView(ConcernGroup group, List<Concern> concerns) {
    }

    /** The case list's filters as typed, so that the filter form shows them again. */
    public record Filters(String q, String province, String district, String concern, String urgency, String status,
            String from, String to) {
    }

    @GET
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(hidden = true)
    public Response home() {
        return Response.seeOther(URI.create("/console/reports/new")).build();
    }

    @GET
    @Path("/reports/new")
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(hidden = true)
    public TemplateInstance newReport() {
        return formPage(ReportForm.blank());
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(hidden = true)
    public Response fileReport(MultivaluedMap<String, String> params) {
        ReportForm form = ReportForm.from(params);
        if ("add-child".equals(params.getFirst("action"))) {
            form.addChild();
            return Response.ok(formPage(form)).build();
        }
        Optional<ReportViews.Created> previous = intake.filedWith(form.formId);
        if (previous.isPresent()) {
            return filedRedirect(form.formId);
        }
        ReportForm.Converted converted = form.toRequest();
        form.errors.addAll(converted.errors());
        ReportValidator.Validated validated = null;
        try {
            validated = validator.validate(converted.request(), false);
        } catch (ProblemException e) {
            form.addErrors(e.problem().errors(), converted.blockOfChild());
        }
        if (!form.errors.isEmpty()) {
            form.addErrors(List.of(), converted.blockOfChild());
            return Response.status(400).entity(formPage(form)).build();
        }
        try {
            intake.file(validated, form.formId, caller.username());
        } catch (RuntimeException e) {
            // A concurrent submit of the same form stored its key first, so this one shows the report filed by that one.
            if (intake.filedWith(form.formId).isEmpty()) {
                throw e;
            }
            Log.infof("Console form %s was sent twice at once; showing the report filed first", form.formId);
        }
        return filedRedirect(form.formId);
    }

    @GET
    @Path("/reports/filed/{formId}")
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(hidden = true)
    public TemplateInstance filedReport(@PathParam("formId") String formId) {
        ReportViews.Created created = intake.filedWith(formId)
                .orElseThrow(() -> ProblemException.notFound("No report was filed with this form"));
        return page(filed, created.reference()).data("created", created);
    }

    @GET
    @Path("/reports")
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(hidden = true)
    public Response listCases(@QueryParam("q") String text, @QueryParam("province") String province,
            @QueryParam("district") String district, @QueryParam("concern") String concern,
            @QueryParam("urgency") String urgency, @QueryParam("status") String status,
            @QueryParam("receivedFrom") String from, @QueryParam("receivedTo") String to,
            @QueryParam("page") @DefaultValue("0") int page) {
        Filters filters = new Filters(blank(text), blank(province), blank(district), blank(concern), blank(urgency),
                blank(status), blank(from), blank(to));
        int pageIndex = Math.max(0, page);
        Page<ReportViews.Summary> found = new Page<>(List.of(), 0);
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            ReportFilter filter = new ReportFilter(day("receivedFrom", filters.from(), 0),
                    day("receivedTo", filters.to(), 1), blank(province), blank(district),
                    QueryParams.enumValue("concern", concern, Concern.class),
                    QueryParams.enumValue("urgency", urgency, Urgency.class),
                    QueryParams.enumValue("status", status, ReportStatus.class),
                    blank(text));
            found = reports.list(filter, pageIndex, PAGE_SIZE);
        } catch (ProblemException e) {
            errors.addAll(e.problem().errors());
        }
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        TemplateInstance instance = page(cases, null).data("found", found).data("filters", filters)
                .data("errors", errors).data("pageNumber", pageIndex + 1).data("pages", pages)
                .data("previousQuery", pageIndex > 0 ? query(filters, pageIndex - 1) : null)
                .data("nextQuery", pageIndex + 1 < pages ? query(filters, pageIndex + 1) : null)
                .data("provinces", directory.provinces()).data("concerns", Concern.values())
                .data("urgencies", Urgency.values()).data("statuses", ReportStatus.values());
        return Response.status(errors.isEmpty() ? 200 : 400).entity(instance).build();
    }

    @GET
    @Path("/reports/{reference}")
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(hidden = true)
    public TemplateInstance showCase(@PathParam("reference") String reference) {
        return casePage(reference, List.of(), "", "");
    }

    @POST
    @Path("/reports/{reference}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(hidden = true)
    public Response addNote(@PathParam("reference") String reference, @RestForm String text) {
        String note = text == null ? "" : text.strip();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (note.isEmpty()) {
            errors.add(new Problem.FieldError("text", "must not be empty"));
        } else if (note.length() > MAX_NOTE) {
            errors.add(new Problem.FieldError("text", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(casePage(reference, errors, note, "")).build();
        }
        Report report = reports.findReport(reference);
        timeline.addNote(report.id, report.reference, note, caller.username());
        return Response.seeOther(URI.create("/console/reports/" + report.reference + "#timeline")).build();
    }

    @POST
    @Path("/reports/{reference}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR})
    @Operation(hidden = true)
    public Response link(@PathParam("reference") String reference, @RestForm String other) {
        try {
            ReportViews.Detail linked = reports.link(reference, other == null ? "" : other.strip(), caller.username());
            return Response.seeOther(URI.create("/console/reports/" + linked.reference() + "#related")).build();
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            List<Problem.FieldError> errors = e.problem().errors().stream()
                    .map(error -> new Problem.FieldError("other", error.message())).toList();
            return Response.status(400).entity(casePage(reference, errors, "", other == null ? "" : other)).build();
        }
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Operation(hidden = true)
    public TemplateInstance signedOut() {
        Locale locale = locale();
        return message.data("view", new View(locale.getLanguage(), direction(locale), null, null, null))
                .data("kind", "signed-out").setLocale(locale);
    }

    /** Shows the 403 page to signed-in users whose role does not allow the console. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return messagePage(403, "forbidden", null);
    }

    /** Shows a not-found or other error of the services as a page instead of problem+json. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        String kind = e.problem().status() == 404 ? "not-found" : "error";
        return messagePage(e.problem().status(), kind, e.problem().detail());
    }

    private Response messagePage(int status, String kind, String detail) {
        Locale locale = locale();
        View view = new View(locale.getLanguage(), direction(locale), caller.username(), role(), null);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(message.data("view", view).data("kind", kind).data("detail", detail).setLocale(locale).render())
                .build();
    }

    private TemplateInstance formPage(ReportForm form) {
        Map<ConcernGroup, List<Concern>> byGroup = new EnumMap<>(ConcernGroup.class);
        for (Concern concern : Concern.values()) {
            byGroup.computeIfAbsent(concern.group(), group -> new ArrayList<>()).add(concern);
        }
        List<ConcernGroupView> groups = byGroup.entrySet().stream()
                .map(entry -> new ConcernGroupView(entry.getKey(), entry.getValue())).toList();
        Map<DistrictDirectory.Province, List<DistrictDirectory.District>> districts = new LinkedHashMap<>();
        for (DistrictDirectory.Province province : directory.provinces()) {
            districts.put(province, directory.districts().stream()
                    .filter(district -> district.provinceCode().equals(province.code())).toList());
        }
        return page(reportForm, null).data("form", form).data("groups", groups)
                .data("provinces", directory.provinces()).data("districts", districts.entrySet())
                .data("channels", Channel.values()).data("urgencies", Urgency.values())
                .data("genders", Gender.values()).data("relationships", Relationship.values())
                .data("languages", Language.values());
    }

    private TemplateInstance casePage(String reference, List<Problem.FieldError> errors, String note, String other) {
        ReportViews.Detail detail = reports.detail(reference);
        Page<TimelineService.Entry> entries = timeline.timeline(reports.detailId(reference), 0, Page.MAX_SIZE);
        return page(casePage, detail.reference()).data("report", detail).data("timeline", entries)
                .data("reporterLanguage", Language.ofTag(detail.reporter().preferredLanguage()))
                .data("errors", errors).data("note", note).data("other", other)
                .data("noteError", fieldError(errors, "text")).data("linkError", fieldError(errors, "other"));
    }

    private TemplateInstance page(Template template, String title) {
        Locale locale = locale();
        return template.data("view", new View(locale.getLanguage(), direction(locale), caller.username(), role(), title))
                .setLocale(locale);
    }

    private Response filedRedirect(String formId) {
        return Response.seeOther(URI.create("/console/reports/filed/" + formId)).build();
    }

    /** Returns the language chosen with the {@code ?lang=} switch, English unless Urdu was chosen. */
    Locale locale() {
        Cookie cookie = request.getCookie(LANGUAGE_COOKIE);
        return cookie != null && "ur".equals(cookie.getValue()) ? Locale.forLanguageTag("ur") : Locale.ENGLISH;
    }

    private static String direction(Locale locale) {
        return "ur".equals(locale.getLanguage()) ? "rtl" : "ltr";
    }

    private String role() {
        if (caller.hasRole(Caller.SUPERVISOR)) {
            return Caller.SUPERVISOR;
        }
        if (caller.hasRole(Caller.OPERATOR)) {
            return Caller.OPERATOR;
        }
        return caller.roles().stream().sorted().findFirst().orElse(null);
    }

    private static String fieldError(List<Problem.FieldError> errors, String field) {
        return errors.stream().filter(error -> error.field().equals(field)).map(Problem.FieldError::message).findFirst()
                .orElse(null);
    }

    /** Turns a date of the filter form into the start of that day (plus days) in Pakistan. */
    private static OffsetDateTime day(String field, String date, int plusDays) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date).plusDays(plusDays).atStartOfDay(ConsoleFormats.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as 2026-10-01");
        }
    }

    private static String query(Filters filters, int page) {
        StringBuilder query = new StringBuilder("?page=").append(page);
        append(query, "q", filters.q());
        append(query, "province", filters.province());
        append(query, "district", filters.district());
        append(query, "concern", filters.concern());
        append(query, "urgency", filters.urgency());
        append(query, "status", filters.status());
        append(query, "receivedFrom", filters.from());
        append(query, "receivedTo", filters.to());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
