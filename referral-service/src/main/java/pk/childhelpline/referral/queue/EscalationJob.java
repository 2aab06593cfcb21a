package pk.childhelpline.referral.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Marks referrals that are still PENDING after their acknowledgement deadline as ESCALATED. One UPDATE with
 * {@code FOR UPDATE SKIP LOCKED} picks each overdue referral in exactly one transaction, also when several instances
 * run the job at the same moment.
 */
@ApplicationScoped
public class EscalationJob {

    private static final int BATCH = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    ReferralLedger ledger;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Scheduled(every = "${referral.escalation.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        escalateOverdue();
    }

    /** Escalates up to one batch of overdue referrals; returns how many it escalated. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int escalateOverdue() {
        Instant now = clock.instant();
        List<Object> ids = entityManager.createNativeQuery("""
                UPDATE referral SET status = 'ESCALATED', escalated_at = ?1, updated_at = ?1, version = version + 1
                WHERE id IN (SELECT id FROM referral WHERE status = 'PENDING' AND deadline < ?1
                             ORDER BY deadline LIMIT ?2 FOR UPDATE SKIP LOCKED)
                RETURNING id""").setParameter(1, now).setParameter(2, BATCH).getResultList();
        for (Object id : ids) {
            Referral referral = Referral.findById(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
            ledger.changed(referral, ReferralStatus.PENDING, ReferralLedger.SYSTEM,
                    "Not acknowledged by the deadline " + referral.deadline, null, null);
            Log.infof("Referral %s of case %s escalated", referral.id, referral.reference);
        }
        registry.counter("referral.escalated").increment(ids.size());
        return ids.size();
    }
}
