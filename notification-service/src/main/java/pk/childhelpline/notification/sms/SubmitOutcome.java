package pk.childhelpline.notification.sms;

/**
 * The result of one submit_sm. NOT_SENT means nothing reached the SMSC (no bind), so sending again is safe; IN_DOUBT
 * means the request may have reached it but no response came back.
 */
public record SubmitOutcome(Result result, String smscMessageId, String error) {

    public enum Result {
        ACCEPTED, NOT_SENT, TEMPORARY_ERROR, REJECTED, IN_DOUBT
    }

    static SubmitOutcome accepted(String smscMessageId) {
        return new SubmitOutcome(Result.ACCEPTED, smscMessageId, null);
    }

    static SubmitOutcome of(Result result, String error) {
        return new SubmitOutcome(result, null, error);
    }
}
