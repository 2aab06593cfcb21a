package pk.childhelpline.referral.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import pk.childhelpline.referral.common.Caller;
import pk.childhelpline.referral.common.Page;
import pk.childhelpline.referral.common.ProblemException;
import pk.childhelpline.referral.console.ConsoleViews.Option;
import pk.childhelpline.referral.console.ConsoleViews.QueueRow;
import pk.childhelpline.referral.queue.ReferralService;
import pk.childhelpline.referral.queue.ReferralStatus;
import pk.childhelpline.referral.queue.ReferralView;
import pk.childhelpline.referral.routing.Codes;

/**
 * Queue pages: an officer's own office, every queue for supervisors, and the referrals that the escalation job
 * flagged. They list through {@link ReferralService}, so the API's office rules apply unchanged.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class QueuePages {

    static final int PAGE_SIZE = 50;
    /** Status filter value for every status that is not final. */
    static final String OPEN = "OPEN";
    /** Status filter value for every status. */
    static final String ANY = "ANY";
    private static final List<String> OPEN_STATUSES = List.of("PENDING", "ESCALATED", "ACCEPTED", "IN_PROGRESS");

    @Inject
    ReferralService referrals;

    @Inject
    ConsoleQueries queries;

    @Inject
    ConsolePage page;

    @Inject
    ConsoleErrors errors;

    @Inject
    Caller caller;

    @Location("console/queue.html")
    Template queue;

    /** Lists the officer's office, open referrals first by default, sorted by deadline. */
    @GET
    @Path("/queue")
    @RolesAllowed(Caller.OFFICER)
    public TemplateInstance officerQueue(@QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("overdue") boolean overdue, @QueryParam("page") Integer pageNumber) {
        String office = caller.organisation().orElse("?") + " / " + caller.office().orElse("?");
        return list("queue", status, priority, null, null, null, overdue, pageNumber)
                .data("title", "queue").data("officeName", office);
    }

    @GET
    @Path("/queues")
    @RolesAllowed(Caller.SUPERVISOR)
    public TemplateInstance allQueues(@QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("province") String province, @QueryParam("organisation") String organisation,
            @QueryParam("office") String office, @QueryParam("overdue") boolean overdue,
            @QueryParam("page") Integer pageNumber) {
        return list("queues", status, priority, province, organisation, office, overdue, pageNumber)
                .data("title", "queues");
    }

    @GET
    @Path("/escalations")
    @RolesAllowed(Caller.SUPERVISOR)
    public TemplateInstance escalations(@QueryParam("page") Integer pageNumber) {
        return list("escalations", ReferralStatus.ESCALATED.name(), null, null, null, null, false, pageNumber)
                .data("title", "escalations");
    }

    private TemplateInstance list(String menu, String status, String priority, String province, String organisation,
            String office, boolean overdue, Integer pageNumber) {
        String statusFilter = status == null || status.isBlank() ? OPEN : status;
        List<String> statuses = switch (statusFilter) {
            case OPEN -> OPEN_STATUSES;
            case ANY -> null;
            default -> List.of(statusFilter);
        };
        int index = pageNumber == null || pageNumber < 1 ? 0 : pageNumber - 1;
        Page<ReferralView> result = referrals.list(new ReferralService.QueueFilter(statuses, blankToNull(priority),
                overdue ? Boolean.TRUE : null, blankToNull(province), blankToNull(organisation), blankToNull(office)),
                index, PAGE_SIZE);
        List<QueueRow> rows = result.items().stream().map(QueuePages::row).toList();
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);

        return page.of(queue, menu)
                .data("rows", rows)
                .data("total", result.total())
                .data("pageNumber", index + 1)
                .data("pages", pages)
                .data("previousHref", index > 0
                        ? pageHref(menu, statusFilter, priority, province, organisation, office,
                                overdue, index)
                        : null)
                .data("nextHref", index + 1 < pages
                        ? pageHref(menu, statusFilter, priority, province, organisation,
                                office, overdue, index + 2)
                        : null)
                .data("statusOptions", statusOptions(statusFilter))
                .data("priorityOptions", options(Codes.PRIORITIES, priority))
                .data("provinceOptions", options(Codes.PROVINCES, province))
                .data("organisationOptions", options(queries.organisationIds(), organisation))
                .data("officeOptions", options(officeCodes(), office))
                .data("overdue", overdue)
                .data("showQueueFilters", "queues".equals(menu))
                .data("showFilters", !"escalations".equals(menu));
    }

    static QueueRow row(ReferralView view) {
        return new QueueRow(view.id(), view.reference(),
                view.destination().organisationId() + " / " + view.destination().office(), view.province(),
                view.priority(), view.status().name(), ConsoleFormat.time(view.deadline()), view.overdue(),
                view.claimedBy(), ConsoleFormat.time(view.escalatedAt()));
    }

    private static List<Option> statusOptions(String selected) {
        List<Option> options = new ArrayList<>();
        options.add(new Option(OPEN, "status_open", OPEN.equals(selected)));
        options.add(new Option(ANY, "status_any", ANY.equals(selected)));
        for (ReferralStatus status : ReferralStatus.values()) {
            options.add(new Option(status.name(), status.name(), status.name().equals(selected)));
        }
        return options;
    }

    private static List<Option> options(List<String> values, String selected) {
        return values.stream().map(value -> new Option(value, value, value.equals(selected))).toList();
    }

    private static List<String> officeCodes() {
        List<String> codes = new ArrayList<>(Codes.PROVINCES);
        codes.add(Codes.NATIONAL);
        return codes;
    }

    private static String pageHref(String menu, String status, String priority, String province, String organisation,
            String office, boolean overdue, int pageNumber) {
        StringBuilder href = new StringBuilder("/console/").append(menu).append("?page=").append(pageNumber);
        if (!"escalations".equals(menu)) {
            href.append("&status=").append(status);
            appendIfSet(href, "priority", priority);
            appendIfSet(href, "province", province);
            appendIfSet(href, "organisation", organisation);
            appendIfSet(href, "office", office);
            if (overdue) {
                href.append("&overdue=true");
            }
        }
        return href.toString();
    }

    private static void appendIfSet(StringBuilder href, String name, String value) {
        if (value != null && !value.isBlank()) {
            href.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
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

}
