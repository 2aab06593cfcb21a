package pk.childhelpline.referral.intake;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

import pk.childhelpline.referral.events.Topics;
import pk.childhelpline.referral.outbox.Outbox;
import pk.childhelpline.referral.routing.ReportFacts;

/**
 * Handles one record of the reports topic in one transaction: records its event id, routes or re-routes the report,
 * and writes the resulting events to the outbox. A record that cannot be read goes unchanged to the dead-letter topic
 * with the reason, through the same outbox.
 */
@ApplicationScoped
public class ReportEvents {

    static final String REPORT_FILED = "ReportFiled";
    static final String REPORT_CORRECTED = "ReportCorrected";
    static final int READ_VERSION = 1;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Inject
    ReportRouter router;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    /** Processes one record; returns what happened, for logs and tests. */
    @Transactional
    public Outcome process(String topic, String key, byte[] value) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(value);
        } catch (IOException | RuntimeException e) {
            return deadLetter(topic, key, value, "The record is not valid JSON");
        }
        if (envelope == null || !envelope.isObject()) {
            return deadLetter(topic, key, value, "The record is not a JSON object");
        }
        String type = envelope.path("type").asText("");
        if (!REPORT_FILED.equals(type) && !REPORT_CORRECTED.equals(type)) {
            return deadLetter(topic, key, value, "Unknown event type '" + type + "'");
        }
        if (!envelope.path("version").isInt() || envelope.path("version").asInt() > READ_VERSION
                || envelope.path("version").asInt() < 1) {
            return deadLetter(topic, key, value, "Unsupported version " + envelope.path("version") + " of " + type
                    + "; this service reads version " + READ_VERSION);
        }
        UUID eventId = uuid(envelope.path("eventId"));
        UUID caseId = uuid(envelope.path("caseId"));
        JsonNode payload = envelope.path("payload");
        String reference = payload.path("reference").asText("");
        if (eventId == null || caseId == null || !payload.isObject() || reference.isBlank()) {
            return deadLetter(topic, key, value,
                    "The envelope needs eventId and caseId as UUIDs and a payload with a reference");
        }

        if (!markProcessed(eventId)) {
            Log.infof("Event %s of case %s was processed before; skipped", eventId, reference);
            return Outcome.DUPLICATE;
        }

        ReportFacts facts;
        try {
            facts = ReportParser.facts(payload, null);
        } catch (InvalidReportException e) {
            return deadLetter(topic, key, value, "Invalid " + type + " payload: " + e.getMessage());
        }
        ObjectNode report = ReportParser.withoutReporter(payload);
        if (REPORT_FILED.equals(type)) {
            int count = router.route(caseId, reference, report, facts).size();
            Log.infof("Event %s: case %s routed to %d destination(s)", eventId, reference, count);
        } else {
            router.reroute(caseId, reference, report, facts);
        }
        return Outcome.PROCESSED;
    }

    /** Result of processing one record. */
    public enum Outcome {
        PROCESSED, DUPLICATE, DEAD_LETTERED
    }

    private boolean markProcessed(UUID eventId) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_event (event_id) VALUES (?1) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId).executeUpdate() == 1;
    }

    private Outcome deadLetter(String topic, String key, byte[] value, String reason) {
        outbox.appendRaw(Topics.deadLetterOf(topic), key, value, Map.of("dlq-reason", reason, "dlq-source-topic", topic));
        registry.counter("referral.events.dead-lettered", "topic", topic).increment();
        Log.warnf("Record with key %s from %s sent to the dead-letter topic: %s", key, topic, reason);
        return Outcome.DEAD_LETTERED;
    }

    private static UUID uuid(JsonNode node) {
        try {
            return node.isTextual() ? UUID.fromString(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
