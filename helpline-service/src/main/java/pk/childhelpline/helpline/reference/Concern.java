package pk.childhelpline.helpline.reference;

import java.util.List;

/** Concern codes of a report, each with its fixed group and the UNCRC articles it falls under. */
public enum Concern {
    PHYSICAL_VIOLENCE(ConcernGroup.VIOLENCE, 19), CORPORAL_PUNISHMENT(ConcernGroup.VIOLENCE, 19, 28), SEXUAL_ABUSE(
            ConcernGroup.VIOLENCE, 19,
            34), TORTURE_OR_CRUEL_TREATMENT(ConcernGroup.VIOLENCE, 37), CHILD_MARRIAGE(ConcernGroup.VIOLENCE, 24,
                    19), PRIVACY_OR_HONOUR_ATTACK(ConcernGroup.VIOLENCE, 16), RECRUITMENT_BY_ARMED_GROUPS(ConcernGroup.VIOLENCE,
                            38), JUVENILE_JUSTICE_VIOLATION(ConcernGroup.VIOLENCE, 37, 40), NEGLECT(
                                    ConcernGroup.ABUSE_AND_NEGLECT, 19), EMOTIONAL_ABUSE(ConcernGroup.ABUSE_AND_NEGLECT,
                                            19), CHILD_LABOUR(ConcernGroup.EXPLOITATION, 32), DOMESTIC_CHILD_LABOUR(
                                                    ConcernGroup.EXPLOITATION,
                                                    32), BONDED_LABOUR(ConcernGroup.EXPLOITATION, 32, 35), SEXUAL_EXPLOITATION(
                                                            ConcernGroup.EXPLOITATION,
                                                            34), ONLINE_SEXUAL_EXPLOITATION(ConcernGroup.EXPLOITATION, 34,
                                                                    36), TRAFFICKING(ConcernGroup.EXPLOITATION, 35), ABDUCTION(
                                                                            ConcernGroup.EXPLOITATION, 11,
                                                                            35), BEGGING_OR_OTHER_EXPLOITATION(
                                                                                    ConcernGroup.EXPLOITATION,
                                                                                    36), MISSING_CHILD(
                                                                                            ConcernGroup.DEPRIVATION_OF_CAREGIVERS,
                                                                                            9), ABANDONMENT(
                                                                                                    ConcernGroup.DEPRIVATION_OF_CAREGIVERS,
                                                                                                    20), SEPARATION_FROM_PARENTS(
                                                                                                            ConcernGroup.DEPRIVATION_OF_CAREGIVERS,
                                                                                                            9,
                                                                                                            10), BIRTH_REGISTRATION_DENIED(
                                                                                                                    ConcernGroup.DEPRIVATION_OF_CAREGIVERS,
                                                                                                                    7), PARENTAL_CARE_FAILURE(
                                                                                                                            ConcernGroup.DEPRIVATION_OF_CAREGIVERS,
                                                                                                                            18), ALTERNATIVE_CARE_REVIEW(
                                                                                                                                    ConcernGroup.DEPRIVATION_OF_CAREGIVERS,
                                                                                                                                    20,
                                                                                                                                    25), UNLAWFUL_DETENTION(
                                                                                                                                            ConcernGroup.DEPRIVATION_OF_CAREGIVERS,
                                                                                                                                            37);

    private final ConcernGroup group;
    private final List<Integer> articles;

    Concern(ConcernGroup group, Integer... articles) {
        this.group = group;
        this.articles = List.of(articles);
    }

    public ConcernGroup group() {
        return group;
    }

    public List<Integer> articles() {
        return articles;
    }
}
