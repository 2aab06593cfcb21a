package pk.childhelpline.referral.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import pk.childhelpline.referral.common.Caller;
import pk.childhelpline.referral.common.Problem;
import pk.childhelpline.referral.common.ProblemException;
import pk.childhelpline.referral.console.ConsoleViews.ChildRow;
import pk.childhelpline.referral.console.ConsoleViews.FieldError;
import pk.childhelpline.referral.console.ConsoleViews.HistoryRow;
import pk.childhelpline.referral.console.ConsoleViews.NoteRow;
import pk.childhelpline.referral.console.ConsoleViews.ReferralDetail;
import pk.childhelpline.referral.console.ConsoleViews.Report;
import pk.childhelpline.referral.queue.OutcomeCode;
import pk.childhelpline.referral.queue.ReferralRequests;
import pk.childhelpline.referral.queue.ReferralService;
import pk.childhelpline.referral.queue.ReferralService.Transition;
import pk.childhelpline.referral.queue.ReferralView;

/**
 * A referral's page and its actions. Each form posts to its own path and, when the action succeeds, redirects back
 * to the page (post/redirect/get). A refused action shows the page again with the reason and changes nothing.
 */
@Path("/console/referrals/{id}")
@RolesAllowed({Caller.OFFICER, Caller.SUPERVISOR})
public class ReferralPages {

    private static final Set<String> DONE = Set.of("claim", "start", "note", "resolve", "close", "reject", "transfer");

    @Inject
    ReferralService referrals;

    @Inject
    ConsoleActions actions;

    @Inject
    ConsoleQueries queries;

    @Inject
    ConsolePage page;

    @Inject
    ConsoleErrors errors;

    @Location("console/referral.html")
    Template referral;

    /**
     * A refused form: the values it sent and the reason, either field errors or a message ({@code stale} or
     * {@code not-allowed}) with the service's explanation.
     */
    @TemplateData
    public record FormState(String action, Map<String, String> values, List<FieldError> errors, String message,
            String detail) {

        static FormState none() {
            return new FormState(null, Map.of(), List.of(), null, null);
        }

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public boolean invalid(String field) {
            return errors.stream().anyMatch(error -> error.field().equals(field));
        }

        public String errorOf(String field) {
            return errors.stream().filter(error -> error.field().equals(field)).map(FieldError::message).findFirst()
                    .orElse("");
        }

        public boolean failed(String form) {
            return form.equals(action);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("done") String done) {
        String finished = done != null && DONE.contains(done) ? done : null;
        return render(referrals.get(id), FormState.none(), finished);
    }

    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("id") UUID id, @RestForm Long version) {
        return transition(id, "claim", version, Map.of(), () -> referrals.claim(id));
    }

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") UUID id, @RestForm Long version) {
        return transition(id, "start", version, Map.of(), () -> referrals.start(id));
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNote(@PathParam("id") UUID id, @RestForm String text) {
        return act(id, "note", null, typed("text", text),
                () -> referrals.addNote(id, new ReferralRequests.NewNote(text)));
    }

    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") UUID id, @RestForm Long version, @RestForm String outcome,
            @RestForm String reason) {
        return transition(id, "resolve", version, typed("outcome", outcome, "reason", reason),
                () -> referrals.resolve(id, new ReferralRequests.Outcome(blankToNull(outcome), reason)));
    }

    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID id, @RestForm Long version, @RestForm String outcome, @RestForm String reason) {
        return transition(id, "close", version, typed("outcome", outcome, "reason", reason),
                () -> referrals.close(id, new ReferralRequests.Outcome(blankToNull(outcome), reason)));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") UUID id, @RestForm Long version,
            @RestForm String reason) {
        return transition(id, "reject", version, typed("reason", reason),
                () -> referrals.reject(id, new ReferralRequests.Rejection(reason)));
    }

    /** Transfers to {@code destination}, written {@code organisationId/office} as the form's options are. */
    @POST
    @Path("/transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@PathParam("id") UUID id, @RestForm Long version, @RestForm String destination,
            @RestForm String reason) {
        String[] target = destination == null || !destination.contains("/")
                ? new String[]{null, null}
                : destination.split("/", 2);
        return transition(id, "transfer", version, typed("destination", destination, "reason", reason),
                () -> referrals.transfer(id, new ReferralRequests.Transfer(target[0], target[1], reason)));
    }

    private Response transition(UUID id, String action, Long version, Map<String, String> typed,
            Supplier<ReferralView> change) {
        if (version == null) {
            return again(id, 409, new FormState(action, typed, List.of(), "stale", null));
        }
        return act(id, action, version, typed, change);
    }

    private Response act(UUID id, String action, Long version, Map<String, String> typed,
            Supplier<ReferralView> change) {
        try {
            actions.apply(id, version, change);
            return Response.seeOther(URI.create("/console/referrals/" + id + "?done=" + action)).build();
        } catch (ConsoleActions.StaleReferralException e) {
            return again(id, 409, new FormState(action, typed, List.of(), "stale", null));
        } catch (ProblemException e) {
            Problem problem = e.problem();
            return switch (problem.status()) {
                case 400 -> again(id, 400, new FormState(action, typed, formErrors(problem), null, problem.detail()));
                case 409 -> again(id, 409, new FormState(action, typed, List.of(), "not-allowed", problem.detail()));
                default -> errors.problem(e);
            };
        } catch (RuntimeException e) {
            if (isConcurrentChange(e)) {
                Log.infof("Console action %s on referral %s lost a race with another change", action, id);
                return again(id, 409, new FormState(action, typed, List.of(), "stale", null));
            }
            throw e;
        }
    }

    private Response again(UUID id, int status, FormState form) {
        String back = "/console/referrals/" + id + "?lang=" + (ConsolePage.URDU.equals(page.locale()) ? "en" : "ur");
        String body = render(referrals.get(id), form, null).data("switchHref", back).render();
        return Response.status(status).type(ConsoleErrors.HTML).entity(body).build();
    }

    private TemplateInstance render(ReferralView view, FormState form, String done) {
        ReferralDetail detail = detail(view);
        return page.of(referral, "referral")
                .data("r", detail)
                .data("form", form)
                .data("done", done)
                .data("focus", focus(detail, form, done))
                .data("outcomes", Arrays.stream(OutcomeCode.values())
                        .map(code -> new ConsoleViews.Option(code.name(), ConsoleFormat.words(code.name()), false))
                        .toList())
                .data("targets", queries.transferTargets(view.destination().organisationId(),
                        view.destination().office(), form.value("destination")));
    }

    /**
     * Names what gets the keyboard focus: the error message after a refused form, the confirmation after an action,
     * else the first control of the first action that the status allows.
     */
    private static String focus(ReferralDetail detail, FormState form, String done) {
        if (form.message() != null || !form.errors().isEmpty()) {
            return "problem";
        }
        if (done != null) {
            return "done";
        }
        return detail.allowedActions().isEmpty() ? "note" : detail.allowedActions().get(0);
    }

    static ReferralDetail detail(ReferralView view) {
        List<String> allowed = new ArrayList<>();
        for (Transition transition : Transition.values()) {
            if (ReferralService.allows(transition, view.status())) {
                allowed.add(transition.name().toLowerCase());
            }
        }
        List<HistoryRow> history = view.history().stream()
                .map(entry -> new HistoryRow(ConsoleFormat.time(entry.changedAt()), entry.changedBy(),
                        entry.fromStatus(), entry.toStatus(), entry.reason(), entry.outcome()))
                .toList();
        List<NoteRow> notes = view.notes().stream()
                .map(note -> new NoteRow(ConsoleFormat.time(note.writtenAt()), note.writtenBy(), note.text())).toList();
        return new ReferralDetail(view.id(), view.reference(),
                view.destination().organisationId() + " / " + view.destination().office(), view.province(),
                view.priority(), view.status().name(), ConsoleFormat.time(view.deadline()), view.overdue(),
                view.claimedBy(), view.outcome(), view.version(), report(view), history, notes,
                allowed);
    }

    private static Report report(ReferralView view) {
        JsonNode report = view.report();
        List<String> concerns = new ArrayList<>();
        report.path("concerns").forEach(concern -> concerns.add(ConsoleFormat.words(concern.asText())));
        List<ChildRow> children = new ArrayList<>();
        for (JsonNode child : report.path("children")) {
            children.add(new ChildRow(child.path("ageYears").isNumber() ? child.path("ageYears").asText() : "",
                    child.path("gender").asText(""), child.path("district").asText(""),
                    child.path("province").asText("")));
        }
        return new Report(concerns, report.path("urgency").asText(""),
                report.path("channel").asText(""), ConsoleFormat.time(view.reportAcceptedAt()),
                report.path("legalAidRequested").asBoolean(false), report.path("narrative").asText(""),
                report.path("location").path("district").asText(""),
                report.path("location").path("province").asText(""), children);
    }

    /** Names the form's fields as the API's field errors do; the transfer form has one field for both. */
    private static List<FieldError> formErrors(Problem problem) {
        return problem.errors().stream().map(error -> new FieldError(
                Set.of("organisationId", "office").contains(error.field()) ? "destination" : error.field(),
                error.message())).toList();
    }

    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return errors.forbidden();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return errors.problem(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return errors.notFound();
    }

}
