package pk.childhelpline.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Payload of ReferralStatusChanged, with the fields this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralStatusChanged(String referralId, String reference, String fromStatus, String toStatus,
        Integer openReferralsOfCase, Boolean firstAcceptanceOfCase) {

    public static final String TYPE = "ReferralStatusChanged";
}
