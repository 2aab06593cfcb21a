package pk.childhelpline.helpline.publicintake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the public intake, which anyone can call without an account. */
@ConfigMapping(prefix = "helpline.public-intake")
public interface PublicIntakeConfig {

    /** Maximum request body in bytes. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Requests allowed per client address in each {@link #rateWindow()}. */
    @WithDefault("10")
    int rateLimit();

    @WithDefault("1m")
    Duration rateWindow();
}
