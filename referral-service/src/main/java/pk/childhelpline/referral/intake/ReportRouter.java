package pk.childhelpline.referral.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

import pk.childhelpline.referral.events.DestinationRef;
import pk.childhelpline.referral.organisation.OrganisationDirectory;
import pk.childhelpline.referral.queue.Referral;
import pk.childhelpline.referral.queue.ReferralLedger;
import pk.childhelpline.referral.queue.ReferralStatus;
import pk.childhelpline.referral.routing.Codes;
import pk.childhelpline.referral.routing.ReportFacts;
import pk.childhelpline.referral.routing.RoutingDecision;
import pk.childhelpline.referral.routing.RuleEngine;
import pk.childhelpline.referral.routing.RuleSet;
import pk.childhelpline.referral.routing.RuleSetStore;

/** Turns a report into referrals with the routing rules in force, and re-routes a corrected report. */
@ApplicationScoped
public class ReportRouter {

    /** Outcome code of a referral closed because a correction of the report removed its destination. */
    public static final String REROUTED = "REROUTED";

    private static final String NHRI = "NHRI";

    @Inject
    RuleSetStore rules;

    @Inject
    OrganisationDirectory directory;

    @Inject
    ReferralLedger ledger;

    @Inject
    Clock clock;

    /** A destination resolved to an organisation's office, with its priority and deadline. */
    record Target(DestinationRef destination, String priority, Instant deadline) {
    }

    /** Creates one referral per destination of the report. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Referral> route(UUID caseId, String reference, ObjectNode report, ReportFacts facts) {
        RuleSet ruleSet = rules.current();
        List<Referral> created = new ArrayList<>();
        for (Target target : targets(ruleSet, facts)) {
            created.add(create(caseId, reference, report, facts, target, ruleSet.version()));
        }
        return created;
    }

    /**
     * Applies a corrected report: open referrals whose destination still applies get the corrected report, those
     * whose destination no longer applies are closed with that reason, and new destinations get new referrals.
     * Referrals that an officer transferred stay where they are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reroute(UUID caseId, String reference, ObjectNode report, ReportFacts facts) {
        ledger.lockCase(caseId);
        RuleSet ruleSet = rules.current();
        List<Target> targets = targets(ruleSet, facts);
        List<Referral> existing = Referral.list("caseId = ?1 order by createdAt", caseId);
        String reportJson = report.toString();

        for (Referral referral : existing) {
            if (!referral.status.isOpen()) {
                continue;
            }
            Target target = targets.stream().filter(t -> t.destination().equals(referral.destination())).findFirst()
                    .orElse(null);
            if (target == null && referral.transferredFrom == null) {
                ReferralStatus from = referral.status;
                referral.status = ReferralStatus.CLOSED;
                referral.outcome = REROUTED;
                referral.updatedAt = clock.instant();
                ledger.changed(referral, from, ReferralLedger.SYSTEM,
                        "The corrected report no longer routes to this office", REROUTED, null);
                continue;
            }
            referral.report = reportJson;
            referral.province = facts.province();
            if (target != null) {
                referral.priority = target.priority();
                if (referral.status == ReferralStatus.PENDING || referral.status == ReferralStatus.ESCALATED) {
                    referral.deadline = target.deadline();
                }
            }
            referral.updatedAt = clock.instant();
            ledger.updated(referral);
        }

        for (Target target : targets) {
            boolean covered = existing.stream().anyMatch(referral -> !REROUTED.equals(referral.outcome)
                    && (referral.destination().equals(target.destination())
                            || referral.transferredFrom != null && referral.status.isOpen()
                                    && referral.destinationType.equals(target.destination().type())));
            if (!covered) {
                create(caseId, reference, report, facts, target, ruleSet.version());
            }
        }
        Log.infof("Case %s re-routed after a correction", reference);
    }

    private Referral create(UUID caseId, String reference, ObjectNode report, ReportFacts facts, Target target,
            int rulesVersion) {
        Instant now = clock.instant();
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.caseId = caseId;
        referral.reference = reference;
        referral.destinationType = target.destination().type();
        referral.organisationId = target.destination().organisationId();
        referral.office = target.destination().office();
        referral.province = facts.province();
        referral.priority = target.priority();
        referral.status = ReferralStatus.PENDING;
        referral.reportAcceptedAt = facts.acceptedAt();
        referral.deadline = target.deadline();
        referral.createdAt = now;
        referral.updatedAt = now;
        referral.rulesVersion = rulesVersion;
        referral.report = report.toString();
        ledger.created(referral, ReferralLedger.SYSTEM, "Routed by rules version " + rulesVersion);
        return referral;
    }

    private List<Target> targets(RuleSet ruleSet, ReportFacts facts) {
        RoutingDecision decision = RuleEngine.evaluate(ruleSet, facts);
        List<Target> targets = new ArrayList<>();
        for (RoutingDecision.Destination destination : decision.destinations()) {
            DestinationRef resolved = directory.resolve(destination.type(), destination.office())
                    .or(() -> {
                        Log.warnf("No active organisation of type %s; routing to the NHRI national office instead",
                                destination.type());
                        return directory.resolve(NHRI, Codes.NATIONAL);
                    })
                    .orElseThrow(() -> new IllegalStateException("No organisation can take referrals of type "
                            + destination.type()));
            if (targets.stream().noneMatch(t -> Objects.equals(t.destination(), resolved))) {
                targets.add(new Target(resolved, destination.priority(), destination.deadline()));
            }
        }
        return targets;
    }
}
