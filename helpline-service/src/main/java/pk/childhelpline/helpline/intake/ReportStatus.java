package pk.childhelpline.helpline.intake;

/** Where a case stands, as the referral status events tell it. */
public enum ReportStatus {
    /** Accepted by the helpline, not yet routed. */
    RECEIVED,
    /** Routed to at least one referral queue; nobody has accepted it yet. */
    REFERRED,
    /** An officer accepted at least one referral. */
    IN_PROGRESS,
    /** Every referral of the case is resolved, closed, rejected or transferred. */
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
