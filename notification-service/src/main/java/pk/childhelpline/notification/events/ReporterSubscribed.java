package pk.childhelpline.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Payload of ReporterSubscribed: the reporter consented to SMS about a case. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReporterSubscribed(String reference, EncryptedValue mobileNumber, String language,
        Boolean safeToContact) {

    public static final String TYPE = "ReporterSubscribed";
}
