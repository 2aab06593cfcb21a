package pk.childhelpline.referral.console;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import pk.childhelpline.referral.queue.ReferralService;
import pk.childhelpline.referral.queue.ReferralView;

/**
 * Runs an officer's action from the console in one transaction with a check that the referral is still the version
 * that the officer's page showed. The check catches a change made since the page was loaded; the entity's version
 * column catches one made while the action runs.
 */
@ApplicationScoped
public class ConsoleActions {

    /** The referral changed since the page that sent the form was rendered. */
    public static class StaleReferralException extends RuntimeException {

        public StaleReferralException() {
            super("The referral changed since the page was loaded", null, false, false);
        }
    }

    @Inject
    ReferralService referrals;

    /**
     * Applies {@code action} if the referral is at {@code expectedVersion}; a null version skips the check, for
     * actions such as notes that do not change the referral.
     */
    @Transactional
    public ReferralView apply(UUID id, Long expectedVersion, Supplier<ReferralView> action) {
        ReferralView current = referrals.get(id);
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleReferralException();
        }
        return action.get();
    }
}
