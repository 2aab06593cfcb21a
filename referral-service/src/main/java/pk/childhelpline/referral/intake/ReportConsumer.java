package pk.childhelpline.referral.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Reads the reports topic, one record at a time in partition order. */
@ApplicationScoped
public class ReportConsumer {

    @Inject
    ReportEvents events;

    @Incoming("reports")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        events.process(record.topic(), record.key(), record.value());
    }
}
