package pk.childhelpline.referral.routing;

import java.time.Instant;
import java.util.List;

/** A saved version of the ordered routing rules. */
public record RuleSet(int version, Instant savedAt, String savedBy, List<RoutingRule> rules) {
}
