package pk.childhelpline.helpline.intake;

/** A child's gender as the reporter gave it. */
public enum Gender {
    FEMALE, MALE, UNKNOWN
}
