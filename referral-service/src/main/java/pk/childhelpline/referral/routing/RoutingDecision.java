package pk.childhelpline.referral.routing;

import java.time.Instant;
import java.util.List;

/** The outcome of evaluating the rules on one report: its destinations and why each rule matched or not. */
public record RoutingDecision(int rulesVersion, List<Destination> destinations, List<RuleEvaluation> rules) {

    /** A destination type and office with the priority and acknowledgement deadline of its referral. */
    public record Destination(String type, String office, String priority, Instant deadline) {
    }

    /** Whether one rule matched, with one reason per condition. */
    public record RuleEvaluation(String id, boolean matched, List<String> reasons) {
    }
}
