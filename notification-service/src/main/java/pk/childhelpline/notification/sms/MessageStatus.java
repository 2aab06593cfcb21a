package pk.childhelpline.notification.sms;

import java.util.Set;

/**
 * Status of an outgoing SMS. QUEUED waits for the sender (also while quiet hours hold it); SENDING has a submit_sm in
 * flight; SUBMITTED has every part accepted by the SMSC; DELIVERED, FAILED, EXPIRED and REJECTED come from receipts (a
 * message in several parts is DELIVERED only when every part is) or, for REJECTED and FAILED, from the SMSC's submit_sm response.
 * IN_DOUBT had a submit_sm whose response was lost, so nobody knows whether the SMSC took it; CANCELLED was never sent
 * because the number opted out.
 */
public enum MessageStatus {
    QUEUED, SENDING, SUBMITTED, DELIVERED, FAILED, EXPIRED, REJECTED, IN_DOUBT, CANCELLED;

    public static final Set<MessageStatus> FINAL = Set.of(DELIVERED, FAILED, EXPIRED, REJECTED, CANCELLED);
}
