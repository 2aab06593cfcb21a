package pk.childhelpline.helpline.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM keys by key id, parsed from {@code id:base64-32-byte-key[,id:base64key...]}. The first key encrypts; every
 * key decrypts, so that a key can be rotated by putting a new one first and keeping the old one until no data uses it.
 * A sealed value is a 12-byte IV followed by the ciphertext and its 16-byte tag.
 */
public final class KeyRing {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String currentKeyId;

    /** A ciphertext and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    public KeyRing(String name, String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalStateException(name + " is empty; set it to id:base64-32-byte-key[,id:base64key...]");
        }
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(name + " has an entry without a key id; expected id:base64-32-byte-key");
            }
            byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            if (key.length != 32) {
                throw new IllegalStateException(name + " key " + entry.substring(0, colon).trim() + " has " + key.length
                        + " bytes; AES-256 needs 32");
            }
            keys.put(entry.substring(0, colon).trim(), new SecretKeySpec(key, "AES"));
        }
        currentKeyId = keys.keySet().iterator().next();
    }

    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return new Sealed(currentKeyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a sealed value; fails when the key id is unknown or the tag does not match. */
    public byte[] open(String keyId, byte[] sealed, byte[] associatedData) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("Unknown key id " + keyId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-GCM decryption failed with key " + keyId, e);
        }
    }
}
