package pk.childhelpline.referral.routing;

import java.util.Arrays;
import java.util.Optional;

/** Concern codes of a report; the group of each code is fixed. */
public enum Concern {
    PHYSICAL_VIOLENCE(ConcernGroup.VIOLENCE), CORPORAL_PUNISHMENT(ConcernGroup.VIOLENCE), SEXUAL_ABUSE(
            ConcernGroup.VIOLENCE), TORTURE_OR_CRUEL_TREATMENT(ConcernGroup.VIOLENCE), CHILD_MARRIAGE(
                    ConcernGroup.VIOLENCE), PRIVACY_OR_HONOUR_ATTACK(ConcernGroup.VIOLENCE), RECRUITMENT_BY_ARMED_GROUPS(
                            ConcernGroup.VIOLENCE), JUVENILE_JUSTICE_VIOLATION(ConcernGroup.VIOLENCE), NEGLECT(
                                    ConcernGroup.ABUSE_AND_NEGLECT), EMOTIONAL_ABUSE(
                                            ConcernGroup.ABUSE_AND_NEGLECT), CHILD_LABOUR(
                                                    ConcernGroup.EXPLOITATION), DOMESTIC_CHILD_LABOUR(
                                                            ConcernGroup.EXPLOITATION), BONDED_LABOUR(
                                                                    ConcernGroup.EXPLOITATION), SEXUAL_EXPLOITATION(
                                                                            ConcernGroup.EXPLOITATION), ONLINE_SEXUAL_EXPLOITATION(
                                                                                    ConcernGroup.EXPLOITATION), TRAFFICKING(
                                                                                            ConcernGroup.EXPLOITATION), ABDUCTION(
                                                                                                    ConcernGroup.EXPLOITATION), BEGGING_OR_OTHER_EXPLOITATION(
                                                                                                            ConcernGroup.EXPLOITATION), MISSING_CHILD(
                                                                                                                    ConcernGroup.DEPRIVATION_OF_CAREGIVERS), ABANDONMENT(
                                                                                                                            ConcernGroup.DEPRIVATION_OF_CAREGIVERS), SEPARATION_FROM_PARENTS(
                                                                                                                                    ConcernGroup.DEPRIVATION_OF_CAREGIVERS), BIRTH_REGISTRATION_DENIED(
                                                                                                                                            ConcernGroup.DEPRIVATION_OF_CAREGIVERS), PARENTAL_CARE_FAILURE(
                                                                                                                                                    ConcernGroup.DEPRIVATION_OF_CAREGIVERS), ALTERNATIVE_CARE_REVIEW(
                                                                                                                                                            ConcernGroup.DEPRIVATION_OF_CAREGIVERS), UNLAWFUL_DETENTION(
                                                                                                                                                                    ConcernGroup.DEPRIVATION_OF_CAREGIVERS);

    private final ConcernGroup group;

    Concern(ConcernGroup group) {
        this.group = group;
    }

    public ConcernGroup group() {
        return group;
    }

    public static Optional<Concern> parse(String code) {
        return Arrays.stream(values()).filter(concern -> concern.name().equals(code)).findFirst();
    }
}
