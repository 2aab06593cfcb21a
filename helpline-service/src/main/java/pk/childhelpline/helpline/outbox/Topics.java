package pk.childhelpline.helpline.outbox;

/** Kafka topics that helpline-service writes to or reads from. */
public final class Topics {

    public static final String REPORTS = "helpline.reports.v1";
    public static final String SUBSCRIPTIONS = "notifications.subscriptions.v1";
    public static final String REFERRAL_STATUS = "referrals.status.v1";
    public static final String INCOMING_SMS = "helpline.incoming-sms.v1";

    private Topics() {
    }
}
