package pk.childhelpline.referral.queue;

import java.util.EnumSet;
import java.util.Set;

/** States of a referral. RESOLVED, CLOSED, REJECTED and TRANSFERRED end it. */
public enum ReferralStatus {
    PENDING, ACCEPTED, IN_PROGRESS, RESOLVED, CLOSED, REJECTED, TRANSFERRED, ESCALATED;

    public static final Set<ReferralStatus> FINAL = EnumSet.of(RESOLVED, CLOSED, REJECTED, TRANSFERRED);

    public boolean isOpen() {
        return !FINAL.contains(this);
    }
}
