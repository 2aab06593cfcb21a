package pk.childhelpline.helpline.crypto;

import io.smallrye.config.ConfigMapping;

/** Keys of helpline-service, read from the environment in production. */
@ConfigMapping(prefix = "helpline.crypto")
public interface CryptoConfig {

    /** At-rest keys, {@code id:base64-32-byte-key[,...]}; the first one encrypts (HELPLINE_CRYPTO_KEYS). */
    String keys();

    /** Base64 key of the HMAC-SHA256 over E.164 phone numbers (HELPLINE_HASH_KEY). */
    String hashKey();

    /** Keys shared with notification-service for mobile numbers in events (HELPLINE_TRANSPORT_KEYS). */
    String transportKeys();
}
