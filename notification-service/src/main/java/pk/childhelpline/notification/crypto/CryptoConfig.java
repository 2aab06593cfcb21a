package pk.childhelpline.notification.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Keys of notification-service, from the environment in production. */
@ConfigMapping(prefix = "notification.crypto")
public interface CryptoConfig {

    /** HELPLINE_TRANSPORT_KEYS: keys shared with helpline-service for mobile numbers in events. */
    @WithName("transport-keys")
    String transportKeys();

    /** NOTIFICATION_CRYPTO_KEYS: keys for mobile numbers at rest in this service's database. */
    @WithName("storage-keys")
    String storageKeys();

    /** NOTIFICATION_HASH_KEY: Base64 HMAC-SHA256 key for the keyed hashes of mobile numbers (opt-outs, lookups). */
    @WithName("hash-key")
    String hashKey();
}
