package pk.childhelpline.referral.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

import pk.childhelpline.referral.events.ReferralPublished;
import pk.childhelpline.referral.events.ReferralStatusChanged;
import pk.childhelpline.referral.events.Topics;
import pk.childhelpline.referral.outbox.Outbox;

/**
 * Records what happens to referrals: a history row for each status change and the matching events in the outbox, all
 * in the caller's transaction.
 */
@ApplicationScoped
public class ReferralLedger {

    /** The name recorded for changes that the service makes itself (routing, escalation, re-routing). */
    public static final String SYSTEM = "system";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /**
     * Locks every referral of a case until the transaction ends, so that concurrent changes of one case count its
     * open referrals and its first acceptance one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockCase(UUID caseId) {
        entityManager.createNativeQuery("SELECT id FROM referral WHERE case_id = ?1 ORDER BY id FOR UPDATE")
                .setParameter(1, caseId).getResultList();
    }

    /** Persists a new PENDING referral and writes ReferralCreated and its ReferralStatusChanged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Referral referral, String by, String reason) {
        referral.persist();
        entityManager.flush();
        outbox.append(Topics.forDestinationType(referral.destinationType), ReferralPublished.CREATED,
                referral.caseId, published(referral));
        changed(referral, null, by, reason, null, null);
        registry.counter("referral.created", "type", referral.destinationType).increment();
        Log.infof("Referral %s of case %s created for %s/%s", referral.id, referral.reference, referral.organisationId,
                referral.office);
    }

    /** Writes ReferralUpdated after the report of an open referral was corrected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(Referral referral) {
        outbox.append(Topics.forDestinationType(referral.destinationType), ReferralPublished.UPDATED,
                referral.caseId, published(referral));
    }

    /**
     * Records a status change that the caller has already applied to {@code referral}: a history row and
     * ReferralStatusChanged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Referral referral, ReferralStatus from, String by, String reason, String outcome,
            Long lateBySeconds) {
        Instant now = clock.instant();
        boolean firstAcceptance = referral.status == ReferralStatus.ACCEPTED && ReferralHistory.count(
                "toStatus = 'ACCEPTED' and referralId in (select r.id from Referral r where r.caseId = ?1)",
                referral.caseId) == 0;

        ReferralHistory history = new ReferralHistory();
        history.referralId = referral.id;
        history.fromStatus = from != null ? from.name() : null;
        history.toStatus = referral.status.name();
        history.changedAt = now;
        history.changedBy = by;
        history.reason = reason;
        history.outcome = outcome;
        history.lateBySeconds = lateBySeconds;
        history.persist();
        entityManager.flush();

        long open = Referral.count("caseId = ?1 and status not in ?2", referral.caseId, ReferralStatus.FINAL);
        outbox.append(Topics.REFERRAL_STATUS, ReferralStatusChanged.TYPE, referral.caseId,
                new ReferralStatusChanged(referral.id, referral.reference, referral.destination(),
                        from != null ? from.name() : null, referral.status.name(), now, by, reason, outcome, open,
                        firstAcceptance));
    }

    private ReferralPublished published(Referral referral) {
        return new ReferralPublished(referral.id, referral.reference, referral.destination(), referral.priority,
                referral.deadline, readReport(referral));
    }

    JsonNode readReport(Referral referral) {
        try {
            return mapper.readTree(referral.report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored report of referral " + referral.id + " is not JSON", e);
        }
    }
}
