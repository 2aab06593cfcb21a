package pk.childhelpline.referral.events;

import java.util.Locale;

/** Kafka topic names of the event contract. */
public final class Topics {

    public static final String REPORTS = "helpline.reports.v1";
    public static final String REFERRAL_STATUS = "referrals.status.v1";

    private Topics() {
    }

    /** Returns the referral topic of a destination type: {@code LEGAL_AID} has {@code referrals.legal-aid.v1}. */
    public static String forDestinationType(String type) {
        return "referrals." + type.toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }

    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
