package pk.childhelpline.tools;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The queues that referral-service's default routing rules give a report, written as "TYPE OFFICE" like
 * {@code Replay.queueOf}: the NHRI office of the location's province always, and the legal-aid office of that province
 * too when legal aid was requested or a concern calls for it.
 */
public final class DefaultRoutes {

    private static final Set<String> LEGAL_AID_CONCERNS = Set.of("UNLAWFUL_DETENTION", "JUVENILE_JUSTICE_VIOLATION",
            "CHILD_MARRIAGE", "BONDED_LABOUR", "BIRTH_REGISTRATION_DENIED");

    private DefaultRoutes() {
    }

    /** Returns the queues of a report body in the shape of the intake API. */
    public static Set<String> queuesFor(JsonNode report) {
        String province = report.path("location").path("province").asText();
        Set<String> queues = new TreeSet<>();
        queues.add("NHRI " + province);
        boolean legalAid = report.path("legalAidRequested").asBoolean(false);
        for (JsonNode concern : report.path("concerns")) {
            legalAid |= LEGAL_AID_CONCERNS.contains(concern.asText());
        }
        if (legalAid) {
            queues.add("LEGAL_AID " + province);
        }
        return queues;
    }
}
