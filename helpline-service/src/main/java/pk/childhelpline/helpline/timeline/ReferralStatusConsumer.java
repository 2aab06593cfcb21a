package pk.childhelpline.helpline.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import pk.childhelpline.helpline.events.DeadLetters;
import pk.childhelpline.helpline.events.InboundEvent;
import pk.childhelpline.helpline.events.ProcessedEvents;
import pk.childhelpline.helpline.events.Retries;
import pk.childhelpline.helpline.intake.Report;
import pk.childhelpline.helpline.intake.ReportStatus;

/**
 * Adds each {@code ReferralStatusChanged} to the case timeline and moves the case status along: referred when a
 * referral is created, in progress once an officer accepted one, closed when no referral of the case is open.
 */
@ApplicationScoped
public class ReferralStatusConsumer {

    static final String TYPE = "ReferralStatusChanged";
    private static final Set<String> ACTIVE = Set.of("ACCEPTED", "IN_PROGRESS");

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents processed;

    @Inject
    DeadLetters deadLetters;

    @Incoming("referral-status")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event;
        try {
            event = InboundEvent.parse(mapper, record.value(), TYPE, 1);
            requireText(event.payload(), "reference");
            requireText(event.payload(), "toStatus");
        } catch (IllegalArgumentException e) {
            deadLetters.send(record, e.getMessage());
            return;
        }
        boolean applied = Retries.withBackoff("event " + event.eventId(),
                () -> QuarkusTransaction.requiringNew().call(() -> apply(event)));
        if (!applied) {
            deadLetters.send(record, "no report with reference " + event.payload().path("reference").asText());
        }
    }

    private boolean apply(InboundEvent event) {
        JsonNode payload = event.payload();
        Optional<Report> found = Report.findByReference(payload.path("reference").asText());
        if (found.isEmpty()) {
            return false;
        }
        if (!processed.markProcessed(event.eventId())) {
            Log.infof("Skipped event %s: already processed", event.eventId());
            return true;
        }
        Report report = found.get();
        CaseEvent entry = CaseEvent.of(report.id, changedAt(payload), CaseEvent.Kind.REFERRAL_STATUS,
                text(payload, "changedBy", "referral-service"), summary(payload));
        entry.referralId = text(payload, "referralId", null);
        entry.destination = destination(payload.path("destination"));
        entry.fromStatus = text(payload, "fromStatus", null);
        entry.toStatus = payload.path("toStatus").asText();
        entry.sourceEventId = event.eventId();
        entry.persist();
        ReportStatus before = report.status;
        report.status = nextStatus(report.status, entry.toStatus, payload.path("openReferralsOfCase"));
        Log.infof("Case %s: referral %s %s -> %s (event %s), case status %s -> %s", report.reference, entry.referralId,
                entry.fromStatus, entry.toStatus, event.eventId(), before, report.status);
        return true;
    }

    static ReportStatus nextStatus(ReportStatus current, String toStatus, JsonNode openReferrals) {
        if (openReferrals.isInt() && openReferrals.asInt() == 0) {
            return ReportStatus.CLOSED;
        }
        if (ACTIVE.contains(toStatus)) {
            return ReportStatus.IN_PROGRESS;
        }
        if (current == ReportStatus.RECEIVED || current == ReportStatus.CLOSED) {
            return ReportStatus.REFERRED;
        }
        return current;
    }

    private static String summary(JsonNode payload) {
        StringBuilder summary = new StringBuilder("Referral to ").append(destination(payload.path("destination")))
                .append(": ").append(text(payload, "fromStatus", "new")).append(" -> ")
                .append(payload.path("toStatus").asText());
        String reason = text(payload, "reason", null);
        if (reason != null) {
            summary.append(" (").append(reason).append(')');
        }
        String outcome = text(payload, "outcome", null);
        if (outcome != null) {
            summary.append("; outcome: ").append(outcome);
        }
        return summary.toString();
    }

    private static String destination(JsonNode destination) {
        String type = text(destination, "type", "?");
        String organisation = text(destination, "organisationId", null);
        String office = text(destination, "office", null);
        return type + (organisation != null ? " " + organisation : "") + (office != null ? " " + office : "");
    }

    private static Instant changedAt(JsonNode payload) {
        try {
            return OffsetDateTime.parse(payload.path("changedAt").asText()).toInstant();
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
    }

    private static void requireText(JsonNode payload, String field) {
        if (!payload.path(field).isTextual()) {
            throw new IllegalArgumentException("payload." + field + " is missing");
        }
    }
}
