package pk.childhelpline.notification.sms;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.quarkus.logging.Log;

import pk.childhelpline.notification.crypto.Crypto;
import pk.childhelpline.notification.crypto.KeyRing;
import pk.childhelpline.notification.subscription.Subscription;

/**
 * Stores outgoing SMS as QUEUED rows with their parts, before anything is sent. Updates are unique per subscription and
 * kind, replies per incoming SMS and kind, so a second request for the same message changes nothing.
 */
@ApplicationScoped
public class OutgoingMessages {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final Crypto crypto;
    private final SmsTemplates templates;
    private final QuietHours quietHours;
    private final SmsConfig config;
    private final Clock clock;

    public OutgoingMessages(EntityManager entityManager, Crypto crypto, SmsTemplates templates, QuietHours quietHours,
            SmsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.crypto = crypto;
        this.templates = templates;
        this.quietHours = quietHours;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Queues a case update for a subscription. The "received" update goes at once; later ones wait for the end of quiet
     * hours.
     *
     * @return whether a new message was stored (false when this update was already queued for the subscription)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queueUpdate(Subscription subscription, MessageKind kind) {
        String number = crypto.storage().decrypt(
                new KeyRing.Sealed(subscription.mobileKeyId, subscription.mobileCiphertext), subscription.reference);
        boolean discreet = !subscription.safeToContact;
        String text = templates.render(kind.template(), subscription.language, discreet, subscription.reference);
        Instant now = clock.instant();
        Instant notBefore = kind == MessageKind.RECEIVED ? now : quietHours.releaseTime(now);
        boolean stored = insert(new Draft(subscription.id, null, subscription.reference, kind, subscription.language,
                discreet, number, subscription.mobileHash, text, notBefore));
        if (stored) {
            Log.infof("Queued %s SMS for case %s", kind, subscription.reference);
        }
        return stored;
    }

    /**
     * Queues a reply to an incoming SMS, sent at once whatever the hour.
     *
     * @return whether a new message was stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queueReply(UUID incomingId, MessageKind kind, String template, String language, boolean discreet,
            String number, String numberHash, String reference) {
        String text = templates.render(template, language, discreet, reference);
        return insert(new Draft(null, incomingId, reference, kind, language, discreet, number, numberHash, text,
                clock.instant()));
    }

    private record Draft(UUID subscriptionId, UUID replyTo, String reference, MessageKind kind, String language,
            boolean discreet, String number, String numberHash, String text, Instant notBefore) {
    }

    private boolean insert(Draft draft) {
        UUID id = UUID.randomUUID();
        SmsEncoding.Encoded encoded = SmsEncoding.encode(draft.text());
        KeyRing.Sealed destination = crypto.storage().encrypt(draft.number(), id.toString());
        String sender = draft.discreet() ? config.sender().discreetId() : config.sender().id();
        NativeQuery<?> insert = entityManager.createNativeQuery("""
                INSERT INTO sms_message (id, subscription_id, reply_to, reference, kind, language, discreet, sender_id,
                    destination_key_id, destination_ciphertext, destination_hash, text, data_coding, parts, status,
                    created_at, not_before)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'QUEUED', ?15, ?16)
                ON CONFLICT DO NOTHING""").unwrap(NativeQuery.class);
        int inserted = insert.setParameter(1, id)
                .setParameter(2, draft.subscriptionId(), UUID.class)
                .setParameter(3, draft.replyTo(), UUID.class)
                .setParameter(4, draft.reference(), String.class)
                .setParameter(5, draft.kind().name())
                .setParameter(6, SmsTemplates.supported(draft.language()))
                .setParameter(7, draft.discreet())
                .setParameter(8, sender)
                .setParameter(9, destination.keyId())
                .setParameter(10, destination.ciphertext())
                .setParameter(11, draft.numberHash())
                .setParameter(12, draft.text())
                .setParameter(13, (short) encoded.dataCoding())
                .setParameter(14, (short) encoded.partCount())
                .setParameter(15, clock.instant())
                .setParameter(16, draft.notBefore())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        for (int seq = 1; seq <= encoded.partCount(); seq++) {
            SmsPart part = new SmsPart();
            part.id = UUID.randomUUID();
            part.messageId = id;
            part.seq = (short) seq;
            part.status = MessageStatus.QUEUED;
            part.userReference = RANDOM.nextInt(65536);
            part.persist();
        }
        return true;
    }
}
