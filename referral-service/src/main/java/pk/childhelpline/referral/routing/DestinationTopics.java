package pk.childhelpline.referral.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;

import pk.childhelpline.referral.events.Topics;

/** Creates the referral topic of each destination type that routing rules name, when it does not exist yet. */
@ApplicationScoped
public class DestinationTopics {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "referral.topics.partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "referral.topics.replication-factor", defaultValue = "1")
    short replicationFactor;

    /**
     * Creates the missing topics of {@code destinationTypes}. Returns the topics created; a failure is logged and
     * left to the broker's automatic topic creation, because the rules are already saved.
     */
    public List<String> ensureTopics(Collection<String> destinationTypes) {
        List<String> topics = destinationTypes.stream().map(Topics::forDestinationType).distinct().toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> missing = topics.stream().filter(topic -> !existing.contains(topic)).toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            try {
                admin.createTopics(missing.stream().map(topic -> new NewTopic(topic, partitions, replicationFactor))
                        .toList()).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            Log.infof("Created referral topics %s", missing);
            return missing;
        } catch (ExecutionException | TimeoutException e) {
            Log.errorf(e, "Creating referral topics %s failed", topics);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
