package pk.childhelpline.helpline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encryption of personal data at rest and in events. At rest a value is stored as {@code keyId:base64(sealed)} with
 * the owning record's id as additional authenticated data, so that a ciphertext copied to another row fails to
 * decrypt. Phone numbers are also hashed with HMAC-SHA256 for lookups.
 */
@ApplicationScoped
public class Secrets {

    private final KeyRing atRest;
    private final KeyRing transport;
    private final SecretKeySpec hashKey;

    public Secrets(CryptoConfig config) {
        this.atRest = new KeyRing("HELPLINE_CRYPTO_KEYS", config.keys());
        this.transport = new KeyRing("HELPLINE_TRANSPORT_KEYS", config.transportKeys());
        byte[] hash = Base64.getDecoder().decode(config.hashKey().trim());
        if (hash.length < 32) {
            throw new IllegalStateException("HELPLINE_HASH_KEY has " + hash.length + " bytes; use at least 32");
        }
        this.hashKey = new SecretKeySpec(hash, "HmacSHA256");
    }

    /** An encrypted value of an event: key id and Base64 of IV, ciphertext and tag. */
    public record TransportCiphertext(String keyId, String ciphertext) {
    }

    public String encrypt(String plaintext, String ownerId) {
        if (plaintext == null) {
            return null;
        }
        KeyRing.Sealed sealed = atRest.seal(plaintext.getBytes(StandardCharsets.UTF_8), utf8(ownerId));
        return sealed.keyId() + ":" + Base64.getEncoder().encodeToString(sealed.bytes());
    }

    public String decrypt(String stored, String ownerId) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        byte[] plain = atRest.open(stored.substring(0, colon), Base64.getDecoder().decode(stored.substring(colon + 1)),
                utf8(ownerId));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Encrypts for notification-service with the transport key; the associated data is named by the event contract. */
    public TransportCiphertext encryptForTransport(String plaintext, String associatedData) {
        KeyRing.Sealed sealed = transport.seal(plaintext.getBytes(StandardCharsets.UTF_8), utf8(associatedData));
        return new TransportCiphertext(sealed.keyId(), Base64.getEncoder().encodeToString(sealed.bytes()));
    }

    public String decryptFromTransport(TransportCiphertext value, String associatedData) {
        byte[] plain = transport.open(value.keyId(), Base64.getDecoder().decode(value.ciphertext()),
                utf8(associatedData));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Returns the Base64 HMAC-SHA256 of an E.164 number, for finding the reports and messages of one number. */
    public String hashPhone(String e164) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(utf8(e164)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
