package pk.childhelpline.notification.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's keys: transport keys for numbers in events, storage keys for numbers at rest, and the keyed hash of
 * numbers. Fails at start-up when a key is missing or malformed.
 */
@ApplicationScoped
public class Crypto {

    private final KeyRing transport;
    private final KeyRing storage;
    private final SecretKeySpec hashKey;

    public Crypto(CryptoConfig config) {
        this.transport = KeyRing.parse("HELPLINE_TRANSPORT_KEYS", config.transportKeys());
        this.storage = KeyRing.parse("NOTIFICATION_CRYPTO_KEYS", config.storageKeys());
        byte[] key;
        try {
            key = Base64.getDecoder().decode(config.hashKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NOTIFICATION_HASH_KEY is not valid Base64", e);
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("NOTIFICATION_HASH_KEY has " + key.length + " bytes; give at least 32");
        }
        this.hashKey = new SecretKeySpec(key, "HmacSHA256");
    }

    public KeyRing transport() {
        return transport;
    }

    public KeyRing storage() {
        return storage;
    }

    /** Returns the hex HMAC-SHA256 of an E.164 number, the only form in which opt-outs are kept. */
    public String hashNumber(String e164) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}
