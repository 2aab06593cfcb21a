package pk.childhelpline.referral.queue;

/** Outcome code of a resolved or closed referral, for statistics. */
public enum OutcomeCode {
    CHILD_SAFE, REFERRED_TO_POLICE, LEGAL_ACTION_STARTED, SERVICES_PROVIDED, REUNITED_WITH_FAMILY, PLACED_IN_ALTERNATIVE_CARE, NO_ACTION_NEEDED, UNABLE_TO_CONTACT, DUPLICATE, OTHER
}
