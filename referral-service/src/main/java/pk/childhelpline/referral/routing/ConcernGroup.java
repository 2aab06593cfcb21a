package pk.childhelpline.referral.routing;

/** The four groups of concerns, each covering a set of UNCRC articles. */
public enum ConcernGroup {
    VIOLENCE, ABUSE_AND_NEGLECT, EXPLOITATION, DEPRIVATION_OF_CAREGIVERS
}
