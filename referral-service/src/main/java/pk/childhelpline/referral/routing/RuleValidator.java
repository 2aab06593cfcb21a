package pk.childhelpline.referral.routing;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import pk.childhelpline.referral.common.Problem.FieldError;

/** Checks a rule list before it is saved and lists every invalid field by its JSON path. */
public final class RuleValidator {

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private RuleValidator() {
    }

    /**
     * Returns the invalid fields of {@code rules}; empty when the list can be saved. {@code destinationTypes} are the
     * types of the known organisations.
     */
    public static List<FieldError> validate(List<RoutingRule> rules, Set<String> destinationTypes) {
        List<FieldError> errors = new ArrayList<>();
        if (rules == null || rules.isEmpty()) {
            errors.add(new FieldError("rules", "must list at least one rule"));
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String path = "rules[" + i + "]";
            RoutingRule rule = rules.get(i);
            if (rule == null) {
                errors.add(new FieldError(path, "must be a rule object"));
                continue;
            }
            if (rule.id() == null || !RULE_ID.matcher(rule.id()).matches()) {
                errors.add(new FieldError(path + ".id",
                        "must be 1-64 lower-case letters, digits and hyphens, starting with a letter or digit"));
            } else if (!ids.add(rule.id())) {
                errors.add(new FieldError(path + ".id", "duplicates the id of an earlier rule: " + rule.id()));
            }
            validateMatch(rule.match(), path + ".match", errors);
            validateAction(rule.action(), path + ".action", destinationTypes, errors);
        }
        return errors;
    }

    private static void validateMatch(RoutingRule.Match match, String path, List<FieldError> errors) {
        if (match == null) {
            return;
        }
        codes(match.concerns(), Codes.CONCERNS, path + ".concerns", "concern code", errors);
        codes(match.groups(), Codes.GROUPS, path + ".groups", "concern group", errors);
        codes(match.urgencies(), Codes.URGENCIES, path + ".urgencies", "urgency", errors);
        codes(match.provinces(), Codes.PROVINCES, path + ".provinces", "province code", errors);
        if (match.districts() != null) {
            for (int i = 0; i < match.districts().size(); i++) {
                String district = match.districts().get(i);
                if (district == null || district.isBlank()) {
                    errors.add(new FieldError(path + ".districts[" + i + "]", "must be a district name"));
                }
            }
        }
        RoutingRule.AgeBand band = match.childAge();
        if (band != null) {
            if (band.min() == null && band.max() == null) {
                errors.add(new FieldError(path + ".childAge", "must give min, max or both"));
            }
            if (band.min() != null && (band.min() < 0 || band.min() > 17)) {
                errors.add(new FieldError(path + ".childAge.min", "must be between 0 and 17"));
            }
            if (band.max() != null && (band.max() < 0 || band.max() > 17)) {
                errors.add(new FieldError(path + ".childAge.max", "must be between 0 and 17"));
            }
            if (band.min() != null && band.max() != null && band.min() > band.max()) {
                errors.add(new FieldError(path + ".childAge", "min must not be greater than max"));
            }
        }
    }

    private static void validateAction(RoutingRule.Action action, String path, Set<String> destinationTypes,
            List<FieldError> errors) {
        if (action == null) {
            errors.add(new FieldError(path, "is missing; give a destinationType, a deadline or a priority"));
            return;
        }
        if (action.destinationType() == null && action.deadline() == null && action.priority() == null) {
            errors.add(new FieldError(path, "does nothing; give a destinationType, a deadline or a priority"));
        }
        if (action.destinationType() != null) {
            if (!destinationTypes.contains(action.destinationType())) {
                errors.add(new FieldError(path + ".destinationType", "unknown destination type "
                        + action.destinationType() + "; add an organisation of that type first, or use one of "
                        + sorted(destinationTypes)));
            }
            if (action.office() == null) {
                errors.add(new FieldError(path + ".office", "is required with a destinationType; use "
                        + RoutingRule.INCIDENT_PROVINCE + ", " + Codes.NATIONAL + " or a province code"));
            }
        }
        if (action.office() != null && !RoutingRule.INCIDENT_PROVINCE.equals(action.office())
                && !Codes.isOfficeCode(action.office())) {
            errors.add(new FieldError(path + ".office", "unknown office " + action.office() + "; use "
                    + RoutingRule.INCIDENT_PROVINCE + ", " + Codes.NATIONAL + " or one of " + Codes.PROVINCES));
        }
        if (action.office() != null && action.destinationType() == null) {
            errors.add(new FieldError(path + ".office", "needs a destinationType"));
        }
        if (action.priority() != null && !Codes.PRIORITIES.contains(action.priority())) {
            errors.add(new FieldError(path + ".priority",
                    "unknown priority " + action.priority() + "; use one of " + Codes.PRIORITIES));
        }
        if (action.deadline() != null) {
            try {
                Duration deadline = Duration.parse(action.deadline());
                if (deadline.isNegative() || deadline.isZero()) {
                    errors.add(new FieldError(path + ".deadline", "must be a positive duration"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(path + ".deadline",
                        "must be an ISO-8601 duration such as PT2H; got " + action.deadline()));
            }
        }
    }

    private static void codes(List<String> values, Collection<String> known, String path, String kind,
            List<FieldError> errors) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!known.contains(values.get(i))) {
                errors.add(new FieldError(path + "[" + i + "]",
                        "unknown " + kind + " " + values.get(i) + "; use one of " + sorted(known)));
            }
        }
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }
}
