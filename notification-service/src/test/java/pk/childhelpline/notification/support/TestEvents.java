package pk.childhelpline.notification.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import pk.childhelpline.notification.crypto.KeyRing;
import pk.childhelpline.notification.reference.CaseReference;

/** Builds and publishes the events that helpline-service and referral-service would send. */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyRing TRANSPORT = KeyRing.parse("test",
            ConfigProvider.getConfig().getValue("notification.crypto.transport-keys", String.class));
    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** Returns a fresh valid case reference. */
    public static String newReference() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder payload = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            payload.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String body = payload.toString();
        return body.substring(0, 4) + "-" + body.substring(4) + "-" + CaseReference.checkCharacter(body);
    }

    /** Returns a fresh Pakistani mobile number in E.164. */
    public static String newNumber() {
        return "+92300" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    }

    public static String subscribed(UUID eventId, UUID caseId, String reference, String number, String language,
            boolean safeToContact) {
        KeyRing.Sealed sealed = TRANSPORT.encrypt(number, reference);
        return envelope("ReporterSubscribed", eventId, caseId, Map.of("reference", reference, "mobileNumber",
                Map.of("keyId", sealed.keyId(), "ciphertext", sealed.ciphertext()), "language", language,
                "safeToContact", safeToContact));
    }

    public static String statusChanged(UUID eventId, UUID caseId, String reference, String from, String to,
            int openReferrals, boolean firstAcceptance) {
        Map<String, Object> payload = new java.util.HashMap<>();
        payload.put("referralId", UUID.randomUUID().toString());
        payload.put("reference", reference);
        payload.put("destination", Map.of("type", "NHRI", "organisationId", "nhri", "office", "SD"));
        payload.put("fromStatus", from);
        payload.put("toStatus", to);
        payload.put("changedAt", Instant.now().toString());
        payload.put("changedBy", "nhri-sd");
        payload.put("openReferralsOfCase", openReferrals);
        payload.put("firstAcceptanceOfCase", firstAcceptance);
        return envelope("ReferralStatusChanged", eventId, caseId, payload);
    }

    private static String envelope(String type, UUID eventId, UUID caseId, Object payload) {
        try {
            return JSON.writeValueAsString(Map.of("type", type, "version", 1, "eventId", eventId.toString(),
                    "occurredAt", Instant.now().toString(), "caseId", caseId.toString(), "payload", payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a record and waits for the broker's acknowledgement. */
    public static synchronized void publish(String topic, String key, String value) throws Exception {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(properties);
        }
        producer.send(new ProducerRecord<>(topic, key, value)).get(Duration.ofSeconds(30).toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
    }
}
