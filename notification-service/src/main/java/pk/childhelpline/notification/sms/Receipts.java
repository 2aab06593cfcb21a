package pk.childhelpline.notification.sms;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Applies delivery receipts to parts and their messages. A receipt names the part by the SMSC's message id. When that
 * id is not stored yet, because the response was lost or the receipt overtook it, the user_message_reference that the
 * SMSC echoes finds the part still SENDING.
 */
@ApplicationScoped
public class Receipts {

    private final MessageStore store;
    private final MeterRegistry registry;
    private final Clock clock;

    public Receipts(MessageStore store, MeterRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    /** Applies one receipt; an intermediate state (ENROUTE, ACCEPTD) changes nothing. */
    @Transactional
    public void apply(String smscMessageId, Integer userReference, MessageStatus status) {
        registry.counter("sms.receipts", "status", status.name()).increment();
        if (!MessageStatus.FINAL.contains(status)) {
            return;
        }
        SmsPart part = SmsPart.find("smscMessageId", smscMessageId).firstResult();
        if (part == null && userReference != null) {
            part = SmsPart.find("status = ?1 and userReference = ?2 order by submittedAt desc nulls first",
                    MessageStatus.SENDING, userReference).firstResult();
            if (part != null) {
                part.smscMessageId = smscMessageId;
            }
        }
        if (part == null) {
            Log.warnf("Ignoring a receipt for unknown SMSC message id %s", smscMessageId);
            return;
        }
        // Receipts of the parts of one message arrive concurrently; the row lock makes each see the others' parts.
        SmsMessage message = SmsMessage.findById(part.messageId, LockModeType.PESSIMISTIC_WRITE);
        part.status = status;
        part.receiptAt = clock.instant();
        if (message.status != MessageStatus.CANCELLED) {
            MessageStatus before = message.status;
            store.settle(message);
            if (message.status != before) {
                Log.infof("SMS %s is %s", message.id, message.status);
            }
        }
    }
}
