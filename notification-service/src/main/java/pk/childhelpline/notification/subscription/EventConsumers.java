package pk.childhelpline.notification.subscription;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

import pk.childhelpline.notification.events.DeadLetters;
import pk.childhelpline.notification.events.EventEnvelope;
import pk.childhelpline.notification.events.InvalidEventException;
import pk.childhelpline.notification.events.ReferralStatusChanged;
import pk.childhelpline.notification.events.ReporterSubscribed;

/**
 * Consumes notifications.subscriptions.v1 and referrals.status.v1. A record that can never be processed goes to the
 * topic's DLQ; a failure that may pass (the database is down) is retried with back-off before the record fails.
 */
@ApplicationScoped
public class EventConsumers {

    private static final int MAX_VERSION = 1;
    private static final int ATTEMPTS = 6;

    private final SubscriptionService subscriptions;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    public EventConsumers(SubscriptionService subscriptions, DeadLetters deadLetters, ObjectMapper mapper) {
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming("subscriptions")
    @Blocking
    public void onSubscription(ConsumerRecord<String, String> record) throws InterruptedException {
        handle(record, ReporterSubscribed.TYPE, envelope -> subscriptions.subscribe(envelope,
                payload(envelope, ReporterSubscribed.class)));
    }

    @Incoming("referral-status")
    @Blocking
    public void onReferralStatus(ConsumerRecord<String, String> record) throws InterruptedException {
        handle(record, ReferralStatusChanged.TYPE, envelope -> subscriptions.statusChanged(envelope,
                payload(envelope, ReferralStatusChanged.class)));
    }

    private void handle(ConsumerRecord<String, String> record, String type, Consumer<EventEnvelope> action)
            throws InterruptedException {
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(record.value(), EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            deadLetters.send(record, "The record is not a valid event envelope");
            return;
        }
        if (!type.equals(envelope.type()) || envelope.version() < 1 || envelope.version() > MAX_VERSION
                || envelope.eventId() == null || envelope.payload() == null) {
            deadLetters.send(record, "Unknown type, unsupported version or missing eventId or payload: "
                    + envelope.type() + " v" + envelope.version());
            return;
        }
        for (int attempt = 1;; attempt++) {
            try {
                action.accept(envelope);
                return;
            } catch (InvalidEventException e) {
                deadLetters.send(record, e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                long delay = 500L << attempt;
                Log.warnf(e, "Processing event %s failed (attempt %d); retrying in %d ms", envelope.eventId(),
                        attempt, delay);
                Thread.sleep(delay);
            }
        }
    }

    private <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("The payload of event " + envelope.eventId() + " does not parse", e);
        }
    }
}
