package pk.childhelpline.referral.routing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One routing rule: when every condition of {@code match} holds for a report, its {@code action} applies. An action
 * with a destination type adds a destination; its priority and deadline then apply to that type only. An action
 * without a destination type sets the priority and deadline of every destination of the report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingRule(String id, String description, Match match, Action action) {

    /**
     * Conditions of a rule. A missing or empty condition always holds; a list holds when any of its values applies to
     * the report.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Match(List<String> concerns, List<String> groups, List<String> urgencies, List<String> provinces,
            List<String> districts, AgeBand childAge, Boolean legalAidRequested) {
    }

    /** Ages in whole years, both ends included; holds when any child's known age lies within. */
    public record AgeBand(Integer min, Integer max) {
    }

    /**
     * What a matching rule does. {@code office} is a province or territory code, {@code NATIONAL}, or
     * {@code INCIDENT_PROVINCE} for the province where the incident happened; {@code deadline} is an ISO-8601
     * duration counted from the time helpline-service accepted the report.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String destinationType, String office, String priority, String deadline) {
    }

    /** The office value that stands for the incident's province. */
    public static final String INCIDENT_PROVINCE = "INCIDENT_PROVINCE";
}
