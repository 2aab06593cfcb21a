package pk.childhelpline.referral.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "referral.outbox")
public interface OutboxConfig {

    /** How often the relay looks for new rows, in the scheduler's format ({@code 1s}, {@code 200ms}). */
    @WithDefault("1s")
    String relayEvery();

    /** Records published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** The first wait after a failed publication; it doubles with each further failure. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The maximum wait between two attempts after failures. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** How long one record may take to be acknowledged by the broker before the batch counts as failed. */
    @WithDefault("30s")
    Duration sendTimeout();
}
