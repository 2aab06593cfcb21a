package pk.childhelpline.notification.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM keys by id, parsed from {@code id:base64-32-byte-key[,id:base64key...]}. The first key encrypts, every
 * key decrypts, so that keys can be rotated. A ciphertext is Base64 of a 12-byte IV, the ciphertext and its 16-byte
 * tag. The caller's additional authenticated data binds it to its context, for example the case reference.
 */
public final class KeyRing {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    private KeyRing(String currentKeyId, Map<String, SecretKeySpec> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /**
     * Parses a key list.
     *
     * @param name the setting's name, for the error message
     * @throws IllegalArgumentException when the list is empty or an entry is malformed or not 32 bytes
     */
    public static KeyRing parse(String name, String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(name + " is missing; set it to id:base64-32-byte-key[,id:key...]");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] idAndKey = entry.trim().split(":", 2);
            if (idAndKey.length != 2 || idAndKey[0].isBlank()) {
                throw new IllegalArgumentException(name + " has an entry without an id; write id:base64key");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(idAndKey[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " key " + idAndKey[0] + " is not valid Base64", e);
            }
            if (key.length != 32) {
                throw new IllegalArgumentException(name + " key " + idAndKey[0] + " has " + key.length
                        + " bytes; AES-256 needs 32");
            }
            keys.put(idAndKey[0].trim(), new SecretKeySpec(key, "AES"));
        }
        return new KeyRing(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** Encrypts with the current key. */
    public Sealed encrypt(String plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a ciphertext of any key of the ring.
     *
     * @throws CryptoException when the key id is unknown or the ciphertext, tag or associated data do not match
     */
    public String decrypt(Sealed sealed, String associatedData) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new CryptoException("Unknown key id " + sealed.keyId());
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
            if (in.length < IV_BYTES + TAG_BITS / 8) {
                throw new CryptoException("Ciphertext is too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CryptoException("Decryption failed with key " + sealed.keyId(), e);
        }
    }

    /** An encrypted value and the id of its key, as events and tables carry it. */
    public record Sealed(String keyId, String ciphertext) {
    }

    /** A value that cannot be decrypted: unknown key, tampered ciphertext or wrong context. */
    public static final class CryptoException extends RuntimeException {

        public CryptoException(String message) {
            super(message);
        }

        public CryptoException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
