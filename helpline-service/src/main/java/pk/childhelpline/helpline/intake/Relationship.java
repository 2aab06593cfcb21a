package pk.childhelpline.helpline.intake;

/** The reporter's relationship to the child. */
public enum Relationship {
    SELF, PARENT, RELATIVE, NEIGHBOUR, TEACHER, HEALTH_WORKER, NGO_WORKER, OTHER
}
