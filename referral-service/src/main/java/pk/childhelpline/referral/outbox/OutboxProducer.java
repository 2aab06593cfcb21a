package pk.childhelpline.referral.outbox;

import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The plain Kafka producer of the outbox relay: acks from all in-sync replicas and idempotence, so that the broker
 * keeps each partition's records in send order without duplicates from retries.
 */
@ApplicationScoped
public class OutboxProducer {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "referral.outbox.send-timeout", defaultValue = "30s")
    java.time.Duration sendTimeout;

    private KafkaProducer<String, byte[]> producer;

    /** Returns the producer, creating it on first use so that start-up does not wait for the broker. */
    public synchronized KafkaProducer<String, byte[]> get() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "referral-service-outbox");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            int timeout = (int) sendTimeout.toMillis();
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 10_000));
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, 10_005));
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 10_000));
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
