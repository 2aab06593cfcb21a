package pk.childhelpline.notification.events;

import java.time.Instant;
import java.util.UUID;

/** Payload of IncomingSmsReceived: a free-text SMS for the operators; {@code from} is encrypted with smsId as AAD. */
public record IncomingSmsReceived(UUID smsId, EncryptedValue from, String text, Instant receivedAt) {

    public static final String TYPE = "IncomingSmsReceived";
}
