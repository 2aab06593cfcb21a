package pk.childhelpline.helpline.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "helpline.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent events. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Maximum events published in one run of the relay. */
    @WithDefault("500")
    int batchSize();

    /** Maximum wait between attempts while Kafka is unreachable. The wait starts at one second and doubles. */
    @WithDefault("30s")
    Duration maxBackoff();
}
