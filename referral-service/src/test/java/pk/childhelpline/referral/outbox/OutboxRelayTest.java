package pk.childhelpline.referral.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import pk.childhelpline.referral.support.Database;
import pk.childhelpline.referral.support.Fixtures;
import pk.childhelpline.referral.support.TestKafka;
import pk.childhelpline.testing.KafkaTestResource;
import pk.childhelpline.testing.LocalKafka;
import pk.childhelpline.testing.PostgresTestResource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class OutboxRelayTest {

    @Inject
    Fixtures fixtures;

    @Test
    void keepsEventsWhileKafkaIsDown() {
        UUID caseId;
        LocalKafka.stopBroker();
        try {
            UUID referralId = fixtures.fileOne("BA", "CHILD_LABOUR", "MEDIUM");
            caseId = Database.referral(referralId).caseId;

            // The relay tries at least twice in 10 s (every second, backing off to 4 s), and nothing may count as
            // published meanwhile. How soon a failed try is recorded depends on the producer's timeouts and the load.
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20)).until(() -> !isPublished(caseId));
            assertFalse(isPublished(caseId));
        } finally {
            LocalKafka.startBroker();
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> isPublished(caseId));
        List<ConsumerRecord<String, byte[]>> created = TestKafka.readUntil("referrals.nhri.v1", caseId.toString(),
                Duration.ofSeconds(30), found -> !found.isEmpty());
        assertTrue(!created.isEmpty());
    }

    private static boolean isPublished(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>list("recordKey", caseId.toString()).stream()
                .allMatch(event -> event.publishedAt != null));
    }
}
