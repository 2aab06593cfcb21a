package pk.childhelpline.referral.routing;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;

import pk.childhelpline.referral.common.Caller;
import pk.childhelpline.referral.common.JsonPaths;
import pk.childhelpline.referral.common.Problem;
import pk.childhelpline.referral.common.ProblemException;
import pk.childhelpline.referral.events.DestinationRef;
import pk.childhelpline.referral.intake.InvalidReportException;
import pk.childhelpline.referral.intake.ReportParser;
import pk.childhelpline.referral.organisation.OrganisationDirectory;

/** Reads, replaces and tries out the routing rules. */
@Path("/api/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routing rules")
public class RoutingRuleResource {

    @Inject
    RuleSetStore store;

    @Inject
    OrganisationDirectory directory;

    @Inject
    DestinationTopics topics;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    /** A new rule list; with {@code expectedVersion}, the save fails if another admin saved a newer version first. */
    public record RuleUpdate(List<RoutingRule> rules, Integer expectedVersion) {
    }

    /** The result of a dry run: where the report would go, and why each rule matched or not. */
    public record DryRun(int rulesVersion, Instant acceptedAt, List<DryRunDestination> destinations,
            List<RoutingDecision.RuleEvaluation> rules) {
    }

    /** A destination of a dry run; {@code organisationId} is null when no organisation takes that type. */
    public record DryRunDestination(String type, String organisationId, String office, String priority,
            Instant deadline) {
    }

    @GET
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Returns the routing rules in force")
    public RuleSet get() {
        return store.current();
    }

    @PUT
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Saves a new version of the routing rules, after validating them")
    public RuleSet replace(JsonNode body) {
        RuleUpdate update = readStrictly(body);
        if (update == null) {
            throw ProblemException.invalid("rules", "send {\"rules\": [...]} with at least one rule");
        }
        List<Problem.FieldError> errors = RuleValidator.validate(update.rules(), directory.destinationTypes());
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The rules have " + errors.size() + " invalid field(s)", errors));
        }
        RuleSet saved = store.save(update.rules(), caller.username(), update.expectedVersion())
                .orElseThrow(() -> ProblemException.conflict("The rules changed since version "
                        + update.expectedVersion() + "; reload them and apply your change again"));
        Log.infof("Routing rules version %d saved by %s", saved.version(), caller.username());
        topics.ensureTopics(update.rules().stream().map(rule -> rule.action().destinationType())
                .filter(Objects::nonNull).distinct().toList());
        return saved;
    }

    /** Reads a rule update, rejecting unknown fields: a misspelt condition would otherwise make a rule match every report. */
    private RuleUpdate readStrictly(JsonNode body) {
        if (body == null) {
            return null;
        }
        try {
            return mapper.readerFor(RuleUpdate.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(body);
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(JsonPaths.of(e), "is not a field of a routing rule; remove it or fix its spelling");
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(JsonPaths.of(e), "has the wrong type or format");
        } catch (IOException e) {
            throw ProblemException.invalid("(body)", "must be a JSON object with a rules list");
        }
    }

    @POST
    @Path("/dry-run")
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR})
    @Operation(summary = "Shows where a report in the intake's shape would be routed, without creating referrals")
    public DryRun dryRun(JsonNode report) {
        ReportFacts facts;
        try {
            facts = ReportParser.facts(report, clock.instant());
        } catch (InvalidReportException e) {
            throw new ProblemException(Problem.invalid("The report has " + e.errors().size() + " invalid field(s)",
                    e.errors()));
        }
        RoutingDecision decision = RuleEngine.evaluate(store.current(), facts);
        List<DryRunDestination> destinations = decision.destinations().stream().map(destination -> {
            String organisationId = directory.resolve(destination.type(), destination.office())
                    .map(DestinationRef::organisationId).orElse(null);
            return new DryRunDestination(destination.type(), organisationId, destination.office(),
                    destination.priority(), destination.deadline());
        }).toList();
        return new DryRun(decision.rulesVersion(), facts.acceptedAt(), destinations, decision.rules());
    }
}
