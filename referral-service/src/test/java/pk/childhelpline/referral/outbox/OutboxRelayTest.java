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

            await().atMost(Duration.ofSeconds(60)).until(() -> failedAttempts(caseId) > 0);
            assertFalse(isPublished(caseId));
        } finally {
            LocalKafka.startBroker();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> isPublished(caseId));
        List<ConsumerRecord<String, byte[]>> created = TestKafka.readUntil("referrals.nhri.v1", caseId.toString(),
                Duration.ofSeconds(30), found -> !found.isEmpty());
        assertTrue(!created.isEmpty());
    }

    private static int failedAttempts(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>list("recordKey", caseId.toString()).stream().mapToInt(event -> event.attempts).max()
                .orElse(0));
    }

    private static boolean isPublished(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>list("recordKey", caseId.toString()).stream()
                .allMatch(event -> event.publishedAt != null));
    }
}
