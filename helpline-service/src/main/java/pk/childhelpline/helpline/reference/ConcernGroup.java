package pk.childhelpline.helpline.reference;

/** The four groups of concerns that statistics are reported by. */
public enum ConcernGroup {
    VIOLENCE("Violence"), ABUSE_AND_NEGLECT("Abuse and neglect"), EXPLOITATION("Exploitation"), DEPRIVATION_OF_CAREGIVERS(
            "Deprivation of primary caregivers");

    private final String label;

    ConcernGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
