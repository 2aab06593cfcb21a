package pk.childhelpline.notification.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

import pk.childhelpline.notification.crypto.Crypto;
import pk.childhelpline.notification.crypto.KeyRing;

/**
 * The sender's steps on stored messages, each in its own transaction, so that what reached the SMSC is committed before
 * the next part goes: claim due messages, mark a part SENDING before its submit_sm, record the result.
 */
@ApplicationScoped
public class MessageStore {

    /** A claimed message, ready to send, with the parts still to submit. */
    public record Outgoing(UUID id, String sender, String destination, String text, int dataCoding,
            List<SmsPart> queuedParts) {
    }

    private final EntityManager entityManager;
    private final Crypto crypto;
    private final SmsConfig config;
    private final QuietHours quietHours;
    private final Clock clock;
    private final Counter inDoubt;
    private final Counter temporaryErrors;

    public MessageStore(EntityManager entityManager, Crypto crypto, SmsConfig config, QuietHours quietHours,
            Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.crypto = crypto;
        this.config = config;
        this.quietHours = quietHours;
        this.clock = clock;
        this.inDoubt = registry.counter("sms.messages.in_doubt");
        this.temporaryErrors = registry.counter("sms.submit.temporary_errors");
    }

    /** Claims due QUEUED messages, oldest first, as SENDING; other instances skip the locked rows. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(int limit) {
        List<UUID> ids = entityManager.createNativeQuery("""
                SELECT id FROM sms_message WHERE status = 'QUEUED' AND not_before <= ?1
                ORDER BY created_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, clock.instant()).setParameter(2, limit).getResultList();
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery(
                    "UPDATE sms_message SET status = 'SENDING', attempts = attempts + 1 WHERE id IN (?1)")
                    .setParameter(1, ids).executeUpdate();
        }
        return ids;
    }

    /**
     * Loads a claimed message with its destination decrypted. A message to a number that opted out meanwhile is
     * CANCELLED instead (except the opt-out confirmation itself), and an update after the first goes back to the queue
     * when quiet hours have begun.
     */
    @Transactional
    public Optional<Outgoing> load(UUID id) {
        SmsMessage message = SmsMessage.findById(id);
        if (message == null || message.status != MessageStatus.SENDING) {
            return Optional.empty();
        }
        if (message.kind != MessageKind.STOP_CONFIRMATION && optedOut(message.destinationHash)) {
            message.status = MessageStatus.CANCELLED;
            message.completedAt = clock.instant();
            Log.infof("Cancelled SMS %s: the number opted out", id);
            return Optional.empty();
        }
        Instant release = quietHours.releaseTime(clock.instant());
        if (message.kind.isUpdate() && message.kind != MessageKind.RECEIVED && release.isAfter(clock.instant())) {
            // Queued before quiet hours began (for example while the SMSC was unreachable): it waits for the morning.
            message.status = MessageStatus.QUEUED;
            message.notBefore = release;
            message.attempts = Math.max(0, message.attempts - 1);
            return Optional.empty();
        }
        String destination = crypto.storage().decrypt(
                new KeyRing.Sealed(message.destinationKeyId, message.destinationCiphertext), id.toString());
        List<SmsPart> queued = message.partRows().stream().filter(p -> p.status == MessageStatus.QUEUED).toList();
        return Optional.of(new Outgoing(id, message.senderId, destination, message.text, message.dataCoding, queued));
    }

    /**
     * Marks a part as in flight, committed before its submit_sm goes out. submitted_at records the attempt, so that a
     * receipt matched by user reference picks the latest part in flight.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void partSending(UUID partId) {
        entityManager.createNativeQuery("UPDATE sms_part SET status = 'SENDING', submitted_at = ?2 WHERE id = ?1")
                .setParameter(1, partId).setParameter(2, clock.instant()).executeUpdate();
    }

    /** Records the SMSC's message id; a receipt that came first (matched by user reference) keeps its status. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void partSubmitted(UUID partId, String smscMessageId) {
        entityManager.createNativeQuery("""
                UPDATE sms_part SET smsc_message_id = ?2, submitted_at = ?3,
                    status = CASE WHEN status = 'SENDING' THEN 'SUBMITTED' ELSE status END
                WHERE id = ?1""")
                .setParameter(1, partId).setParameter(2, smscMessageId).setParameter(3, clock.instant())
                .executeUpdate();
    }

    /** Returns a part that never reached the SMSC to the queue. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void partNotSent(UUID partId) {
        entityManager.createNativeQuery("UPDATE sms_part SET status = 'QUEUED' WHERE id = ?1")
                .setParameter(1, partId).executeUpdate();
    }

    /**
     * Queues a message again after a temporary error, with exponential back-off; after the configured attempts it is
     * FAILED. Unbound attempts (nothing reached the SMSC) do not count.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(UUID messageId, String error, boolean countsAsAttempt) {
        SmsMessage message = SmsMessage.findById(messageId);
        if (!countsAsAttempt) {
            message.attempts = Math.max(0, message.attempts - 1);
            message.status = MessageStatus.QUEUED;
            return;
        }
        temporaryErrors.increment();
        message.lastError = error;
        if (message.attempts >= config.sender().maxAttempts()) {
            message.status = MessageStatus.FAILED;
            message.completedAt = clock.instant();
            Log.errorf("SMS %s failed after %d attempts: %s", messageId, message.attempts, error);
            return;
        }
        Duration delay = backOff(message.attempts);
        message.status = MessageStatus.QUEUED;
        message.notBefore = clock.instant().plus(delay);
        Log.warnf("SMS %s hit a temporary SMSC error (%s); retrying in %d s", messageId, error, delay.toSeconds());
    }

    Duration backOff(int attempts) {
        Duration min = config.sender().retryMinDelay();
        Duration delay = min.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(config.sender().retryMaxDelay()) > 0 ? config.sender().retryMaxDelay() : delay;
    }

    /** Records a permanent rejection of one part; the message is REJECTED and not retried. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rejected(UUID messageId, UUID partId, String error) {
        entityManager.createNativeQuery("UPDATE sms_part SET status = 'REJECTED' WHERE id = ?1")
                .setParameter(1, partId).executeUpdate();
        SmsMessage message = SmsMessage.findById(messageId);
        message.status = MessageStatus.REJECTED;
        message.lastError = error;
        message.completedAt = clock.instant();
        Log.errorf("SMS %s was rejected by the SMSC: %s", messageId, error);
    }

    /** Marks a message IN_DOUBT: a part's submit_sm may have reached the SMSC but its response did not come back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void inDoubt(UUID messageId, String error) {
        SmsMessage message = SmsMessage.findById(messageId, LockModeType.PESSIMISTIC_WRITE);
        message.status = MessageStatus.IN_DOUBT;
        message.inDoubtSince = clock.instant();
        message.lastError = error;
        inDoubt.increment();
        Log.warnf("SMS %s is in doubt and will not be resent blindly: %s", messageId, error);
        // A receipt matched by user reference may already have confirmed the part.
        settle(message);
    }

    /** Completes the submission: the message status follows its parts (receipts may already have arrived). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void submitted(UUID messageId) {
        SmsMessage message = SmsMessage.findById(messageId, LockModeType.PESSIMISTIC_WRITE);
        message.submittedAt = clock.instant();
        message.status = MessageStatus.SUBMITTED;
        settle(message);
        Log.infof("SMS %s submitted in %d part(s)", messageId, message.parts);
    }

    /**
     * Sets a message's status from its parts' statuses. A failed, expired or rejected part decides, and the message is
     * DELIVERED only when every part is. A part still SENDING keeps the message as it is (SENDING or IN_DOUBT). An
     * IN_DOUBT message whose in-flight parts were all confirmed goes back to QUEUED for its unsent parts.
     */
    void settle(SmsMessage message) {
        MessageStatus combined = combine(message.partRows().stream().map(p -> p.status).toList(), message.status);
        if (combined != message.status) {
            message.status = combined;
            if (MessageStatus.FINAL.contains(combined)) {
                message.completedAt = clock.instant();
            }
        }
    }

    static MessageStatus combine(Collection<MessageStatus> parts, MessageStatus current) {
        for (MessageStatus failure : List.of(MessageStatus.REJECTED, MessageStatus.EXPIRED, MessageStatus.FAILED)) {
            if (parts.contains(failure)) {
                return failure;
            }
        }
        if (!parts.isEmpty() && parts.stream().allMatch(s -> s == MessageStatus.DELIVERED)) {
            return MessageStatus.DELIVERED;
        }
        if (parts.contains(MessageStatus.SENDING)) {
            return current;
        }
        if (parts.contains(MessageStatus.QUEUED)) {
            // Receipts confirmed every part that was in doubt, so the parts never sent can go now.
            return current == MessageStatus.IN_DOUBT ? MessageStatus.QUEUED : current;
        }
        return MessageStatus.SUBMITTED;
    }

    /**
     * Recovers messages left SENDING, at start-up before the sender and after a send that could not record its outcome
     * because the database was unreachable. Such a message is IN_DOUBT when one of its parts was in flight, and
     * otherwise goes back to the queue.
     */
    // NOTE: assumes one sender instance; with several, a message another instance is sending would be marked IN_DOUBT.
    @Transactional
    public void recoverInterrupted() {
        List<SmsMessage> interrupted = SmsMessage.list("status", MessageStatus.SENDING);
        for (SmsMessage message : interrupted) {
            boolean inFlight = message.partRows().stream().anyMatch(p -> p.status == MessageStatus.SENDING);
            if (inFlight) {
                message.status = MessageStatus.IN_DOUBT;
                message.inDoubtSince = clock.instant();
                message.lastError = "Sending stopped while a submit_sm was in flight";
                inDoubt.increment();
                Log.warnf("SMS %s was in flight when sending stopped; it is in doubt", message.id);
            } else {
                message.status = MessageStatus.QUEUED;
            }
        }
    }

    /**
     * Applies the in-doubt policy to messages in doubt for longer than the configured wait. A receipt that matched a
     * part in the meantime has already settled it; WAIT_THEN_RESEND queues the unconfirmed parts once more (only once),
     * GIVE_UP leaves the message IN_DOUBT.
     */
    @Transactional
    public int resolveInDoubt() {
        Instant limit = clock.instant().minus(config.inDoubt().waitFor());
        List<SmsMessage> waiting = SmsMessage.list("status = ?1 and inDoubtSince <= ?2 and resendCount = 0",
                MessageStatus.IN_DOUBT, limit);
        int resent = 0;
        for (SmsMessage message : waiting) {
            settle(message);
            if (message.status != MessageStatus.IN_DOUBT
                    || config.inDoubt().policy() != SmsConfig.InDoubt.Policy.WAIT_THEN_RESEND) {
                continue;
            }
            entityManager.createNativeQuery(
                    "UPDATE sms_part SET status = 'QUEUED' WHERE message_id = ?1 AND status = 'SENDING'")
                    .setParameter(1, message.id).executeUpdate();
            message.status = MessageStatus.QUEUED;
            message.resendCount = 1;
            message.notBefore = clock.instant();
            resent++;
            Log.warnf("SMS %s had no receipt while in doubt; sending it once more", message.id);
        }
        return resent;
    }

    private boolean optedOut(String hash) {
        return entityManager.createNativeQuery("SELECT count(*) FROM opt_out WHERE mobile_hash = ?1", Long.class)
                .setParameter(1, hash).getSingleResult().equals(1L);
    }
}
