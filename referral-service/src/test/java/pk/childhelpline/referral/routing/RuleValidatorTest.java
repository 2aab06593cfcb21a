package pk.childhelpline.referral.routing;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import pk.childhelpline.referral.common.Problem.FieldError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleValidatorTest {

    private static final Set<String> TYPES = Set.of("NHRI", "LEGAL_AID");

    @Test
    void acceptsDefaultRules() {
        assertTrue(RuleValidator.validate(RuleSetStore.loadDefaults(new ObjectMapper()), TYPES).isEmpty());
    }

    @Test
    void namesEachInvalidField() {
        RoutingRule rule = new RoutingRule("bad", null,
                new RoutingRule.Match(List.of("PHYSICAL_VIOLENCE", "SHOUTING"), List.of("CRIME"), List.of("SOON"),
                        List.of("XX"), null, new RoutingRule.AgeBand(12, 5), null),
                new RoutingRule.Action("POLICE", "MARS", "URGENT", "2 hours"));

        List<String> fields = RuleValidator.validate(List.of(rule), TYPES).stream().map(FieldError::field).toList();

        assertEquals(List.of("rules[0].match.concerns[1]", "rules[0].match.groups[0]", "rules[0].match.urgencies[0]",
                "rules[0].match.provinces[0]", "rules[0].match.childAge", "rules[0].action.destinationType",
                "rules[0].action.office", "rules[0].action.priority", "rules[0].action.deadline"), fields);
    }

    @Test
    void rejectsDuplicateIdsAndEmptyActions() {
        RoutingRule first = new RoutingRule("same", null, null, new RoutingRule.Action(null, null, "HIGH", null));
        RoutingRule second = new RoutingRule("same", null, null, new RoutingRule.Action(null, null, null, null));

        List<FieldError> errors = RuleValidator.validate(List.of(first, second), TYPES);

        assertEquals(List.of("rules[1].id", "rules[1].action"), errors.stream().map(FieldError::field).toList());
    }
}
