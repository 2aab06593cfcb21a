package pk.childhelpline.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application under test at this JVM's own Kafka broker. Set HELPLINE_TEST_KAFKA_BOOTSTRAP to use an
 * existing broker instead.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String external = System.getenv("HELPLINE_TEST_KAFKA_BOOTSTRAP");
        String servers = external != null && !external.isBlank() ? external : LocalKafka.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", servers);
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM; a shutdown hook stops it and deletes its data.
    }
}
