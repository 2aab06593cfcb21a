package pk.childhelpline.helpline.sms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import pk.childhelpline.helpline.crypto.Secrets;
import pk.childhelpline.helpline.events.DeadLetters;
import pk.childhelpline.helpline.events.InboundEvent;
import pk.childhelpline.helpline.events.ProcessedEvents;
import pk.childhelpline.helpline.events.Retries;

/**
 * Stores each {@code IncomingSmsReceived} for the operators. The sender's number arrives encrypted with the transport
 * key and is stored re-encrypted with the at-rest key. A message that cannot be read goes to the dead-letter topic, so
 * that none is dropped silently.
 */
@ApplicationScoped
public class IncomingSmsConsumer {

    static final String TYPE = "IncomingSmsReceived";

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents processed;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Secrets secrets;

    @Incoming("incoming-sms")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event;
        IncomingSms sms;
        try {
            event = InboundEvent.parse(mapper, record.value(), TYPE, 1);
            sms = read(event.payload());
        } catch (IllegalArgumentException e) {
            deadLetters.send(record, e.getMessage());
            return;
        }
        Retries.withBackoff("event " + event.eventId(), () -> QuarkusTransaction.requiringNew().call(() -> store(event, sms)));
    }

    private boolean store(InboundEvent event, IncomingSms sms) {
        if (!processed.markProcessed(event.eventId()) || IncomingSms.findById(sms.id) != null) {
            Log.infof("Skipped event %s: SMS %s already stored", event.eventId(), sms.id);
            return false;
        }
        // A new entity for each attempt, because a rolled-back attempt leaves the earlier one detached.
        IncomingSms copy = new IncomingSms();
        copy.id = sms.id;
        copy.senderEncrypted = sms.senderEncrypted;
        copy.senderHash = sms.senderHash;
        copy.text = sms.text;
        copy.receivedAt = sms.receivedAt;
        copy.status = sms.status;
        copy.persist();
        Log.infof("Stored incoming SMS %s (event %s)", sms.id, event.eventId());
        return true;
    }

    private IncomingSms read(JsonNode payload) {
        IncomingSms sms = new IncomingSms();
        try {
            sms.id = UUID.fromString(payload.path("smsId").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payload.smsId is not a UUID");
        }
        JsonNode from = payload.path("from");
        String e164;
        try {
            e164 = secrets.decryptFromTransport(new Secrets.TransportCiphertext(from.path("keyId").asText(),
                    from.path("ciphertext").asText()), payload.path("smsId").asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("payload.from cannot be decrypted with HELPLINE_TRANSPORT_KEYS");
        }
        if (!payload.path("text").isTextual()) {
            throw new IllegalArgumentException("payload.text is missing");
        }
        sms.text = payload.path("text").asText();
        try {
            sms.receivedAt = OffsetDateTime.parse(payload.path("receivedAt").asText()).toInstant();
        } catch (RuntimeException e) {
            sms.receivedAt = Instant.now();
        }
        sms.senderEncrypted = secrets.encrypt(e164, sms.id.toString());
        sms.senderHash = secrets.hashPhone(e164);
        sms.status = IncomingSms.Status.NEW;
        return sms;
    }
}
