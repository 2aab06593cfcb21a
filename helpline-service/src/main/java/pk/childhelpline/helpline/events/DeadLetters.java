package pk.childhelpline.helpline.events;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.quarkus.logging.Log;

import pk.childhelpline.helpline.outbox.KafkaProducers;

/**
 * Sends a record that cannot be processed, unchanged, to {@code <topic>.dlq} with the headers {@code dlq-reason} and
 * {@code dlq-source-topic}, so that the consumer can go on with the next record.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    KafkaProducers producers;

    public void send(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + ".dlq", null, record.key(),
                record.value());
        dead.headers().add("dlq-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dlq-source-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        try {
            producers.producer().send(dead).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Failed to send a record of " + record.topic() + " to its dead-letter topic", e);
        }
        Log.warnf("Sent record %s-%d@%d to %s.dlq: %s", record.topic(), record.partition(), record.offset(),
                record.topic(), reason);
    }
}
