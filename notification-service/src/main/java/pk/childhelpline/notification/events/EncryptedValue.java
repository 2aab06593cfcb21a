package pk.childhelpline.notification.events;

/** A value encrypted under a transport key: the key's id and Base64 of IV, ciphertext and tag. */
public record EncryptedValue(String keyId, String ciphertext) {
}
