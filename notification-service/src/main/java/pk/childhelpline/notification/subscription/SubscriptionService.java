package pk.childhelpline.notification.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import pk.childhelpline.notification.crypto.Crypto;
import pk.childhelpline.notification.crypto.KeyRing;
import pk.childhelpline.notification.events.EventEnvelope;
import pk.childhelpline.notification.events.InvalidEventException;
import pk.childhelpline.notification.events.ProcessedEvents;
import pk.childhelpline.notification.events.ReferralStatusChanged;
import pk.childhelpline.notification.events.ReporterSubscribed;
import pk.childhelpline.notification.reference.CaseReference;
import pk.childhelpline.notification.sms.MessageKind;
import pk.childhelpline.notification.sms.OutgoingMessages;
import pk.childhelpline.notification.sms.SmsTemplates;

/**
 * Turns subscription and referral status events into queued SMS. Each case update is kept (one per kind), so that an
 * update whose event overtook the subscription is sent when the subscription arrives.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final String E164 = "\\+[1-9][0-9]{6,14}";

    private final ProcessedEvents processedEvents;
    private final OutgoingMessages outgoing;
    private final Crypto crypto;
    private final EntityManager entityManager;
    private final Clock clock;

    public SubscriptionService(ProcessedEvents processedEvents, OutgoingMessages outgoing, Crypto crypto,
            EntityManager entityManager, Clock clock) {
        this.processedEvents = processedEvents;
        this.outgoing = outgoing;
        this.crypto = crypto;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Stores (or updates) the subscription of a ReporterSubscribed event and queues the "received" SMS plus every update
     * that arrived before it. A number that opted out is not subscribed.
     *
     * @throws InvalidEventException when the payload is incomplete or the number does not decrypt
     */
    @Transactional
    public void subscribe(EventEnvelope envelope, ReporterSubscribed event) {
        String reference = reference(event.reference());
        if (event.mobileNumber() == null || event.language() == null || event.safeToContact() == null) {
            throw new InvalidEventException("ReporterSubscribed " + envelope.eventId()
                    + " lacks mobileNumber, language or safeToContact");
        }
        if (!processedEvents.markProcessed(envelope.eventId())) {
            return;
        }
        lockCase(reference);
        String number;
        try {
            number = crypto.transport().decrypt(
                    new KeyRing.Sealed(event.mobileNumber().keyId(), event.mobileNumber().ciphertext()),
                    event.reference());
        } catch (KeyRing.CryptoException e) {
            throw new InvalidEventException("The mobile number of event " + envelope.eventId() + " does not decrypt", e);
        }
        if (!number.matches(E164)) {
            throw new InvalidEventException("The mobile number of event " + envelope.eventId() + " is not E.164");
        }
        String hash = crypto.hashNumber(number);
        if (isOptedOut(hash)) {
            Log.infof("Not subscribing case %s: the number opted out", reference);
            return;
        }
        Subscription subscription = Subscription.findByReference(reference).orElseGet(Subscription::new);
        if (subscription.id == null) {
            subscription.id = UUID.randomUUID();
            subscription.reference = reference;
            subscription.createdAt = clock.instant();
        }
        KeyRing.Sealed stored = crypto.storage().encrypt(number, reference);
        subscription.caseId = envelope.caseId();
        subscription.mobileKeyId = stored.keyId();
        subscription.mobileCiphertext = stored.ciphertext();
        subscription.mobileHash = hash;
        subscription.language = SmsTemplates.supported(event.language());
        subscription.safeToContact = event.safeToContact();
        subscription.persist();
        entityManager.flush();
        Log.infof("Subscribed case %s (event %s)", reference, envelope.eventId());

        outgoing.queueUpdate(subscription, MessageKind.RECEIVED);
        for (MessageKind kind : updatesOf(reference)) {
            outgoing.queueUpdate(subscription, kind);
        }
    }

    /**
     * Records the case update that a ReferralStatusChanged event means, if any, and queues its SMS when the case has a
     * subscription: REFERRED on the first referral created (PENDING), ACCEPTED on the first acceptance of the case,
     * CLOSED when its last open referral is resolved or closed.
     */
    @Transactional
    public void statusChanged(EventEnvelope envelope, ReferralStatusChanged event) {
        String reference = reference(event.reference());
        if (event.toStatus() == null) {
            throw new InvalidEventException("ReferralStatusChanged " + envelope.eventId() + " lacks toStatus");
        }
        if (!processedEvents.markProcessed(envelope.eventId())) {
            return;
        }
        Optional<MessageKind> kind = updateKind(event);
        if (kind.isEmpty()) {
            return;
        }
        lockCase(reference);
        Instant occurredAt = envelope.occurredAt() != null ? envelope.occurredAt() : clock.instant();
        entityManager.createNativeQuery("""
                INSERT INTO case_update (reference, kind, occurred_at, event_id) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, reference).setParameter(2, kind.get().name()).setParameter(3, occurredAt)
                .setParameter(4, envelope.eventId()).executeUpdate();
        Optional<Subscription> subscription = Subscription.findByReference(reference);
        if (subscription.isPresent()) {
            outgoing.queueUpdate(subscription.get(), kind.get());
        } else {
            Log.infof("Kept %s update of case %s until its subscription arrives", kind.get(), reference);
        }
    }

    static Optional<MessageKind> updateKind(ReferralStatusChanged event) {
        if ("PENDING".equals(event.toStatus()) && event.fromStatus() == null) {
            return Optional.of(MessageKind.REFERRED);
        }
        if ("ACCEPTED".equals(event.toStatus()) && Boolean.TRUE.equals(event.firstAcceptanceOfCase())) {
            return Optional.of(MessageKind.ACCEPTED);
        }
        boolean closing = "RESOLVED".equals(event.toStatus()) || "CLOSED".equals(event.toStatus());
        if (closing && event.openReferralsOfCase() != null && event.openReferralsOfCase() == 0) {
            return Optional.of(MessageKind.CLOSED);
        }
        return Optional.empty();
    }

    /** Returns the kinds of update recorded for a case, in the order a case goes through them. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<MessageKind> updatesOf(String reference) {
        List<String> kinds = entityManager.createNativeQuery("SELECT kind FROM case_update WHERE reference = ?1",
                String.class).setParameter(1, reference).getResultList();
        return kinds.stream().map(MessageKind::valueOf).sorted().toList();
    }

    /** Returns whether the number with this keyed hash opted out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isOptedOut(String hash) {
        return entityManager.createNativeQuery("SELECT count(*) FROM opt_out WHERE mobile_hash = ?1", Long.class)
                .setParameter(1, hash).getSingleResult().equals(1L);
    }

    /**
     * Serialises the transactions of one case until commit. Subscriptions and status events come on different topics,
     * so without the lock each could miss the other's uncommitted row and the update would never be queued.
     */
    private void lockCase(String reference) {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, reference).getSingleResult();
    }

    private static String reference(String raw) {
        if (raw == null) {
            throw new InvalidEventException("The event lacks the case reference");
        }
        return CaseReference.parse(raw)
                .orElseThrow(() -> new InvalidEventException("The case reference of the event is not valid"));
    }
}
