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

    /** Longest wait between attempts while Kafka is unreachable; the wait doubles from one second up to this. */
    @WithDefault("30s")
    Duration maxBackoff();
}
