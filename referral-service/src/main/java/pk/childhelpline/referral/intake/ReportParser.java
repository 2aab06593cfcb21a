package pk.childhelpline.referral.intake;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pk.childhelpline.referral.common.Problem.FieldError;
import pk.childhelpline.referral.routing.Codes;
import pk.childhelpline.referral.routing.ReportFacts;

/** Reads the routing facts of a report in the shape of the ReportFiled payload. */
public final class ReportParser {

    private ReportParser() {
    }

    /**
     * Reads the facts of {@code payload}. {@code defaultAcceptedAt} is used when the payload has no {@code acceptedAt}
     * (a dry run of a report in the intake's shape); null makes {@code acceptedAt} required.
     */
    public static ReportFacts facts(JsonNode payload, Instant defaultAcceptedAt) throws InvalidReportException {
        List<FieldError> errors = new ArrayList<>();
        if (payload == null || !payload.isObject()) {
            throw new InvalidReportException(List.of(new FieldError("payload", "must be a JSON object")));
        }

        List<String> concerns = new ArrayList<>();
        JsonNode concernNodes = payload.path("concerns");
        if (!concernNodes.isArray() || concernNodes.isEmpty()) {
            errors.add(new FieldError("concerns", "must list at least one concern code"));
        } else {
            for (int i = 0; i < concernNodes.size(); i++) {
                String code = concernNodes.get(i).asText();
                if (!Codes.CONCERNS.contains(code)) {
                    errors.add(new FieldError("concerns[" + i + "]", "unknown concern code " + code));
                }
                concerns.add(code);
            }
        }

        String urgency = payload.path("urgency").asText(null);
        if (!Codes.URGENCIES.contains(urgency)) {
            errors.add(new FieldError("urgency", "must be one of " + Codes.URGENCIES));
        }

        // The incident's province decides the office; a report without one goes by the first child's home province.
        String province = text(payload.path("location").path("province"));
        String provinceField = "location.province";
        if (province == null) {
            province = text(payload.path("children").path(0).path("province"));
            provinceField = "children[0].province";
        }
        if (province != null && !Codes.PROVINCES.contains(province)) {
            errors.add(new FieldError(provinceField, "unknown province " + province + "; use one of "
                    + Codes.PROVINCES));
        }
        String district = text(payload.path("location").path("district"));

        List<Integer> ages = new ArrayList<>();
        for (JsonNode child : payload.path("children")) {
            JsonNode age = child.path("ageYears");
            ages.add(age.isInt() ? age.asInt() : null);
        }

        Instant acceptedAt = defaultAcceptedAt;
        String accepted = text(payload.path("acceptedAt"));
        if (accepted != null) {
            try {
                acceptedAt = Instant.parse(accepted);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("acceptedAt", "must be an ISO-8601 instant such as 2026-10-01T07:51:03Z"));
            }
        } else if (acceptedAt == null) {
            errors.add(new FieldError("acceptedAt", "is missing; deadlines count from it"));
        }

        JsonNode legalAid = payload.path("legalAidRequested");
        if (!legalAid.isMissingNode() && !legalAid.isNull() && !legalAid.isBoolean()) {
            errors.add(new FieldError("legalAidRequested", "must be true or false"));
        }

        if (!errors.isEmpty()) {
            throw new InvalidReportException(errors);
        }
        return new ReportFacts(concerns, urgency, province, district, ages, legalAid.asBoolean(false), acceptedAt);
    }

    /** Returns the report as referrals keep it: the payload without the reporter and the correction's metadata. */
    public static ObjectNode withoutReporter(JsonNode payload) {
        ObjectNode report = ((ObjectNode) payload).deepCopy();
        report.remove(List.of("reporter", "changedFields", "correctedBy"));
        return report;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
