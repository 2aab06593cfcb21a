package pk.childhelpline.helpline.support;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds report request bodies for tests: a valid report that each test changes where it needs to. */
public final class TestReports {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestReports() {
    }

    /** Returns a valid phone-call report about one 9-year-old girl in Lahore, with a unique externalId. */
    public static ObjectNode valid() {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("externalId", "T-" + UUID.randomUUID());
        report.put("receivedAt", "2026-11-20T10:15:00+05:00");
        report.put("channel", "PHONE_CALL");
        ObjectNode reporter = report.putObject("reporter");
        reporter.put("relationship", "NEIGHBOUR");
        reporter.put("name", "Test Caller");
        reporter.put("phone", "0300-1234567");
        reporter.put("preferredLanguage", "ur-Latn");
        reporter.put("smsConsent", true);
        reporter.put("safeToContact", false);
        ArrayNode children = report.putArray("children");
        ObjectNode child = children.addObject();
        child.put("ageYears", 9);
        child.put("gender", "FEMALE");
        child.put("district", "Lahore");
        child.put("province", "PB");
        report.putArray("concerns").add("CHILD_LABOUR");
        report.put("urgency", "MEDIUM");
        report.put("legalAidRequested", false);
        report.put("narrative", "Girl of about 9 works all day in a house in Lahore and is not sent to school.");
        ObjectNode location = report.putObject("location");
        location.put("district", "Lahore");
        location.put("province", "PB");
        return report;
    }

    public static ObjectNode child(ObjectNode report, int index) {
        return (ObjectNode) report.get("children").get(index);
    }

    public static ObjectNode reporter(ObjectNode report) {
        return (ObjectNode) report.get("reporter");
    }
}
