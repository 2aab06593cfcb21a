package pk.childhelpline.referral.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds ReportFiled and ReportCorrected records shaped as the event contract describes them. */
public final class TestReports {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private TestReports() {
    }

    /** A case of one report: its id, reference and the payload fields that routing reads. */
    public record Case(UUID caseId, String reference) {

        public static Case random() {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
            }
            String reference = code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.charAt(8);
            return new Case(UUID.randomUUID(), reference);
        }
    }

    public static ObjectNode payload(Case reportCase, String province, List<String> concerns, String urgency,
            boolean legalAidRequested, Instant acceptedAt) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("reference", reportCase.reference());
        payload.put("externalId", "T-" + reportCase.reference());
        payload.put("acceptedAt", acceptedAt.toString());
        payload.put("receivedAt", acceptedAt.toString());
        payload.put("channel", "PHONE_CALL");
        ObjectNode reporter = payload.putObject("reporter");
        reporter.put("relationship", "NEIGHBOUR");
        reporter.put("preferredLanguage", "en");
        reporter.put("smsConsent", true);
        reporter.put("safeToContact", true);
        ObjectNode child = payload.putArray("children").addObject();
        child.put("ageYears", 9);
        child.put("gender", "FEMALE");
        child.put("district", "Lahore");
        child.put("province", province);
        ArrayNode concernNodes = payload.putArray("concerns");
        concerns.forEach(concernNodes::add);
        payload.put("urgency", urgency);
        payload.put("legalAidRequested", legalAidRequested);
        payload.put("narrative", "A neighbour heard a child crying for help late at night.");
        ObjectNode location = payload.putObject("location");
        location.put("district", "Lahore");
        location.put("province", province);
        return payload;
    }

    public static byte[] envelope(String type, UUID eventId, UUID caseId, ObjectNode payload) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("eventId", eventId.toString());
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("caseId", caseId.toString());
        envelope.set("payload", payload);
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] filed(Case reportCase, String province, List<String> concerns, String urgency,
            boolean legalAidRequested, Instant acceptedAt) {
        return envelope("ReportFiled", UUID.randomUUID(), reportCase.caseId(),
                payload(reportCase, province, concerns, urgency, legalAidRequested, acceptedAt));
    }

    public static byte[] corrected(Case reportCase, String province, List<String> concerns, String urgency,
            boolean legalAidRequested, Instant acceptedAt) {
        ObjectNode payload = payload(reportCase, province, concerns, urgency, legalAidRequested, acceptedAt);
        payload.putArray("changedFields").add("$.concerns").add("$.location");
        payload.put("correctedBy", "operator1");
        return envelope("ReportCorrected", UUID.randomUUID(), reportCase.caseId(), payload);
    }
}
