package pk.childhelpline.smsc;

/** What the simulator does with a delivery receipt that a submit_sm requested. */
public enum ReceiptMode {
    /** Sends a receipt with stat DELIVRD. */
    DELIVER,
    /** Sends a receipt with stat UNDELIV. */
    FAIL,
    /** Sends a receipt with stat EXPIRED. */
    EXPIRE,
    /** Sends a receipt with stat REJECTD. */
    REJECT,
    /** Sends no receipt at all. */
    WITHHOLD
}
