package pk.childhelpline.referral.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates an ordered rule set on a report. Destinations are the distinct (type, office) pairs of the matching rules
 * in rule order. Each destination gets the shortest deadline and the highest priority of the matching rules that apply
 * to it. A destination without any gets the fallback deadline and priority MEDIUM.
 */
public final class RuleEngine {

    /** The deadline of a destination that no matching rule gives one. */
    public static final Duration FALLBACK_DEADLINE = Duration.ofHours(72);

    private static final String FALLBACK_PRIORITY = "MEDIUM";

    private RuleEngine() {
    }

    public static RoutingDecision evaluate(RuleSet ruleSet, ReportFacts report) {
        List<RoutingDecision.RuleEvaluation> evaluations = new ArrayList<>();
        List<RoutingRule> matching = new ArrayList<>();
        for (RoutingRule rule : ruleSet.rules()) {
            List<String> reasons = new ArrayList<>();
            boolean matched = matches(rule.match(), report, reasons);
            evaluations.add(new RoutingDecision.RuleEvaluation(rule.id(), matched, reasons));
            if (matched) {
                matching.add(rule);
            }
        }

        Map<String, String[]> targets = new LinkedHashMap<>();
        for (RoutingRule rule : matching) {
            String type = rule.action().destinationType();
            if (type != null) {
                String office = officeFor(rule.action().office(), report);
                targets.putIfAbsent(type + "/" + office, new String[]{type, office});
            }
        }

        List<RoutingDecision.Destination> destinations = new ArrayList<>();
        for (String[] target : targets.values()) {
            List<RoutingRule.Action> applicable = matching.stream().map(RoutingRule::action)
                    .filter(action -> action.destinationType() == null || action.destinationType().equals(target[0]))
                    .toList();
            Duration deadline = applicable.stream().map(RoutingRule.Action::deadline).filter(Objects::nonNull)
                    .map(Duration::parse).min(Duration::compareTo).orElse(FALLBACK_DEADLINE);
            String priority = highestPriority(applicable);
            destinations.add(new RoutingDecision.Destination(target[0], target[1], priority,
                    report.acceptedAt().plus(deadline)));
        }
        return new RoutingDecision(ruleSet.version(), destinations, evaluations);
    }

    private static String highestPriority(Collection<RoutingRule.Action> actions) {
        return actions.stream().map(RoutingRule.Action::priority).filter(Objects::nonNull)
                .min((a, b) -> Integer.compare(Codes.PRIORITIES.indexOf(a), Codes.PRIORITIES.indexOf(b)))
                .orElse(FALLBACK_PRIORITY);
    }

    /** Returns the office a rule's office value stands for; a report without a province goes to NATIONAL. */
    static String officeFor(String office, ReportFacts report) {
        if (RoutingRule.INCIDENT_PROVINCE.equals(office)) {
            return report.province() != null ? report.province() : Codes.NATIONAL;
        }
        return office;
    }

    private static boolean matches(RoutingRule.Match match, ReportFacts report, List<String> reasons) {
        if (match == null) {
            reasons.add("no conditions: matches every report");
            return true;
        }
        boolean matched = true;
        matched &= anyOf("concern", match.concerns(), report.concerns(), reasons);
        List<String> groups = report.concerns().stream().map(Concern::parse).flatMap(Optional::stream)
                .map(concern -> concern.group().name()).distinct().toList();
        matched &= anyOf("concern group", match.groups(), groups, reasons);
        matched &= anyOf("urgency", match.urgencies(), listOf(report.urgency()), reasons);
        matched &= anyOf("province", match.provinces(), listOf(report.province()), reasons);
        matched &= anyOf("district", match.districts(), listOf(report.district()), reasons);
        matched &= childAgeMatches(match.childAge(), report.childAges(), reasons);
        if (match.legalAidRequested() != null) {
            boolean holds = match.legalAidRequested() == report.legalAidRequested();
            reasons.add("legalAidRequested is " + report.legalAidRequested()
                    + (holds ? ", as required" : ", not " + match.legalAidRequested()));
            matched &= holds;
        }
        if (reasons.isEmpty()) {
            reasons.add("no conditions: matches every report");
        }
        return matched;
    }

    private static boolean anyOf(String name, List<String> expected, List<String> actual, List<String> reasons) {
        if (expected == null || expected.isEmpty()) {
            return true;
        }
        Optional<String> hit = actual.stream().filter(expected::contains).findFirst();
        if (hit.isPresent()) {
            reasons.add(name + " " + hit.get() + " is one of " + expected);
            return true;
        }
        reasons.add("no " + name + " of " + actual + " is one of " + expected);
        return false;
    }

    private static boolean childAgeMatches(RoutingRule.AgeBand band, List<Integer> ages, List<String> reasons) {
        if (band == null) {
            return true;
        }
        int min = band.min() != null ? band.min() : 0;
        int max = band.max() != null ? band.max() : Integer.MAX_VALUE;
        Optional<Integer> hit = ages.stream().filter(Objects::nonNull).filter(age -> age >= min && age <= max)
                .findFirst();
        String range = band.min() + "-" + band.max();
        reasons.add(hit.map(age -> "a child aged " + age + " is within " + range)
                .orElse("no child of a known age is within " + range));
        return hit.isPresent();
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
