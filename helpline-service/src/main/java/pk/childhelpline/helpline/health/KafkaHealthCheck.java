package pk.childhelpline.helpline.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

import pk.childhelpline.helpline.outbox.OutboxRelay;

/**
 * Kafka's health, at {@code /q/health/group/kafka}. It is deliberately not a readiness check: while Kafka is down the
 * service keeps taking reports into its outbox, so it stays ready, and this check shows the outage and the backlog.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    private final Admin admin;

    public KafkaHealthCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000, AdminClientConfig.CLIENT_ID_CONFIG, "helpline-service-health"));
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka broker")
                .withData("outboxPending", relay.pendingCount());
        try {
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return response.up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return response.down().withData("error", "broker unreachable").build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
