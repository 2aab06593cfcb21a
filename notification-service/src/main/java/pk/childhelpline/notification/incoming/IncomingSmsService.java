package pk.childhelpline.notification.incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

import pk.childhelpline.notification.crypto.Crypto;
import pk.childhelpline.notification.crypto.KeyRing;
import pk.childhelpline.notification.events.EncryptedValue;
import pk.childhelpline.notification.events.IncomingSmsReceived;
import pk.childhelpline.notification.outbox.OutboxWriter;
import pk.childhelpline.notification.reference.CaseReference;
import pk.childhelpline.notification.sms.MessageKind;
import pk.childhelpline.notification.sms.OutgoingMessages;
import pk.childhelpline.notification.sms.SmsConfig;
import pk.childhelpline.notification.subscription.Subscription;
import pk.childhelpline.notification.subscription.SubscriptionService;

/**
 * Handles an incoming SMS. STOP opts the number out for good (kept as a keyed hash), removes its subscriptions, cancels
 * what is queued for it and confirms once. STATUS with a reference gets the case's latest update as reply, but only to
 * the number that reported the case. Anything else may be a child asking for help: it goes to helpline-service as
 * IncomingSmsReceived through the outbox, and the sender gets a short acknowledgement, at most a configured number per
 * window. A number that opted out gets no SMS at all, but its free text still reaches the operators.
 */
@ApplicationScoped
public class IncomingSmsService {

    public static final String TOPIC = "helpline.incoming-sms.v1";

    private final Crypto crypto;
    private final OutgoingMessages outgoing;
    private final SubscriptionService subscriptions;
    private final OutboxWriter outbox;
    private final EntityManager entityManager;
    private final SmsConfig.Incoming config;
    private final MeterRegistry registry;
    private final Clock clock;

    public IncomingSmsService(Crypto crypto, OutgoingMessages outgoing, SubscriptionService subscriptions,
            OutboxWriter outbox, EntityManager entityManager, SmsConfig config, MeterRegistry registry, Clock clock) {
        this.crypto = crypto;
        this.outgoing = outgoing;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config.incoming();
        this.registry = registry;
        this.clock = clock;
    }

    /** Handles one complete incoming SMS from an E.164 number. */
    @Transactional
    public void handle(String from, String text, Instant receivedAt) {
        UUID id = UUID.randomUUID();
        String hash = crypto.hashNumber(from);
        IncomingCommand command = IncomingCommand.parse(text, keywords(config.stopKeywords()),
                keywords(config.statusKeywords()));
        entityManager.createNativeQuery(
                "INSERT INTO incoming_sms (id, from_hash, kind, received_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, hash).setParameter(3, command.type().name())
                .setParameter(4, receivedAt).executeUpdate();
        registry.counter("sms.incoming", "kind", command.type().name()).increment();
        boolean optedOut = subscriptions.isOptedOut(hash);
        Log.infof("Incoming SMS %s is %s", id, command.type());
        switch (command.type()) {
            case STOP -> stop(id, from, hash, command, optedOut);
            case STATUS -> {
                if (!optedOut) {
                    status(id, from, hash, command);
                }
            }
            case OTHER -> other(id, from, hash, text, receivedAt, command, optedOut);
        }
    }

    private void stop(UUID id, String from, String hash, IncomingCommand command, boolean optedOut) {
        if (optedOut) {
            return;
        }
        List<Subscription> owned = Subscription.list("mobileHash", hash);
        String language = owned.isEmpty() ? command.language() : owned.get(0).language;
        entityManager.createNativeQuery("INSERT INTO opt_out (mobile_hash, opted_out_at) VALUES (?1, ?2)")
                .setParameter(1, hash).setParameter(2, clock.instant()).executeUpdate();
        int cancelled = entityManager.createNativeQuery("""
                UPDATE sms_message SET status = 'CANCELLED', completed_at = ?2
                WHERE destination_hash = ?1 AND status = 'QUEUED'""")
                .setParameter(1, hash).setParameter(2, clock.instant()).executeUpdate();
        Subscription.delete("mobileHash", hash);
        outgoing.queueReply(id, MessageKind.STOP_CONFIRMATION, MessageKind.STOP_CONFIRMATION.template(), language,
                false, from, hash, null);
        Log.infof("Incoming SMS %s opted a number out: %d subscription(s) removed, %d message(s) cancelled", id,
                owned.size(), cancelled);
    }

    private void status(UUID id, String from, String hash, IncomingCommand command) {
        List<String> candidates = CaseReference.candidates(command.reference().orElse(""));
        Optional<Subscription> own = candidates.isEmpty()
                ? Optional.empty()
                : Subscription.<Subscription>list("reference in ?1 and mobileHash = ?2", candidates, hash).stream()
                        .findFirst();
        if (own.isEmpty()) {
            Subscription any = Subscription.<Subscription>find("mobileHash", hash).firstResult();
            String language = any != null ? any.language : command.language();
            outgoing.queueReply(id, MessageKind.STATUS_REPLY, MessageKind.STATUS_REPLY.template(), language, false,
                    from, hash, null);
            return;
        }
        Subscription subscription = own.get();
        List<MessageKind> updates = subscriptions.updatesOf(subscription.reference);
        MessageKind latest = updates.isEmpty() ? MessageKind.RECEIVED : updates.get(updates.size() - 1);
        outgoing.queueReply(id, MessageKind.STATUS_REPLY, latest.template(), subscription.language,
                !subscription.safeToContact, from, hash, subscription.reference);
    }

    private void other(UUID id, String from, String hash, String text, Instant receivedAt, IncomingCommand command,
            boolean optedOut) {
        KeyRing.Sealed sealed = crypto.transport().encrypt(from, id.toString());
        outbox.write(TOPIC, id.toString(), IncomingSmsReceived.TYPE, null,
                new IncomingSmsReceived(id, new EncryptedValue(sealed.keyId(), sealed.ciphertext()), text,
                        receivedAt));
        if (optedOut || !acknowledgementAllowed(hash)) {
            return;
        }
        Subscription any = Subscription.<Subscription>find("mobileHash", hash).firstResult();
        String language = any != null ? any.language : command.language();
        outgoing.queueReply(id, MessageKind.INCOMING_ACK, MessageKind.INCOMING_ACK.template(), language, false, from,
                hash, null);
    }

    private boolean acknowledgementAllowed(String hash) {
        Number recent = (Number) entityManager.createNativeQuery("""
                SELECT count(*) FROM sms_message
                WHERE destination_hash = ?1 AND kind = 'INCOMING_ACK' AND created_at > ?2""", Long.class)
                .setParameter(1, hash).setParameter(2, clock.instant().minus(config.ackWindow()))
                .getSingleResult();
        return recent.longValue() < config.acksPerWindow();
    }

    private static Map<String, List<String>> keywords(Map<String, List<String>> configured) {
        return new LinkedHashMap<>(configured);
    }
}
