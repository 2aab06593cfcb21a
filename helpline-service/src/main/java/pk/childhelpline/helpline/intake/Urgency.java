package pk.childhelpline.helpline.intake;

/** How soon a report needs action, most urgent first. */
public enum Urgency {
    IMMEDIATE_DANGER, HIGH, MEDIUM, LOW
}
