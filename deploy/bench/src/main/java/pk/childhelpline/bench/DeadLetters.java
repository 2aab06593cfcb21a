package pk.childhelpline.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Counts the records in each dead-letter topic ({@code *.dlq}) of the broker: latest minus earliest offset. */
final class DeadLetters {

    private final String bootstrapServers;

    DeadLetters(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Map<String, Long> counts() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(properties)) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(".dlq")).collect(Collectors.toSet());
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get(30,
                    TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions.values().forEach(description -> description.partitions().forEach(partition -> {
                TopicPartition topicPartition = new TopicPartition(description.name(), partition.partition());
                earliest.put(topicPartition, OffsetSpec.earliest());
                latest.put(topicPartition, OffsetSpec.latest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = admin.listOffsets(earliest).all().get(30,
                    TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get(30,
                    TimeUnit.SECONDS);
            Map<String, Long> counts = new HashMap<>();
            topics.forEach(topic -> counts.put(topic, 0L));
            for (TopicPartition partition : List.copyOf(end.keySet())) {
                counts.merge(partition.topic(), end.get(partition).offset() - start.get(partition).offset(), Long::sum);
            }
            return counts;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Counting the dead-letter records on " + bootstrapServers + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting dead-letter records", e);
        }
    }
}
