package pk.childhelpline.helpline.events;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The envelope of a consumed event, read leniently so that new payload fields do not break this consumer. */
public record InboundEvent(String type, int version, UUID eventId, JsonNode payload) {

    /** Parses and checks an event; the exception message is the dead-letter reason. */
    public static InboundEvent parse(ObjectMapper mapper, String value, String expectedType, int maxVersion) {
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = node.path("type").asText(null);
        if (!expectedType.equals(type)) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        int version = node.path("version").asInt(0);
        if (version < 1 || version > maxVersion) {
            throw new IllegalArgumentException("unsupported version " + version + " of " + type);
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(node.path("eventId").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("missing or invalid eventId");
        }
        if (!node.path("payload").isObject()) {
            throw new IllegalArgumentException("missing payload");
        }
        return new InboundEvent(type, version, eventId, node.get("payload"));
    }
}
