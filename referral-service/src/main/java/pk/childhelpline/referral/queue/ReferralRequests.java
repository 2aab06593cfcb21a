package pk.childhelpline.referral.queue;

/** Request bodies of the referral transitions. */
public final class ReferralRequests {

    private ReferralRequests() {
    }

    /** Ends a referral with an outcome code and an optional explanation. */
    public record Outcome(String outcome, String reason) {
    }

    /** Rejects a referral; the reason is required. */
    public record Rejection(String reason) {
    }

    /** Moves a referral to another organisation's office. */
    public record Transfer(String organisationId, String office, String reason) {
    }

    public record NewNote(String text) {
    }
}
