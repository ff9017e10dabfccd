package vn.ndp.registry.governance;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import vn.ndp.registry.catalog.LifecycleStatus;

/**
 * What the national authority decides about a published platform, at its
 * yearly re-evaluation or at any time, and the only statuses each is allowed
 * from. Suspension and revocation always carry a reason and a legal basis.
 */
public enum StandingAction {
    /** The re-evaluation confirms the recognition; the status stays. */
    KEEP,
    SUSPEND,
    REVOKE,
    /** A suspended platform is recognised again. */
    REINSTATE;

    private static final Set<LifecycleStatus> PUBLISHED = EnumSet.of(LifecycleStatus.RECOGNISED,
            LifecycleStatus.POTENTIAL, LifecycleStatus.TRIAL, LifecycleStatus.IN_USE);

    /** The platform's status after this action, or empty when the action is not allowed from {@code from}. */
    public Optional<LifecycleStatus> after(LifecycleStatus from) {
        LifecycleStatus next = switch (this) {
            case KEEP -> PUBLISHED.contains(from) ? from : null;
            case SUSPEND -> PUBLISHED.contains(from) ? LifecycleStatus.SUSPENDED : null;
            case REVOKE -> PUBLISHED.contains(from) || from == LifecycleStatus.SUSPENDED ? LifecycleStatus.REVOKED
                    : null;
            case REINSTATE -> from == LifecycleStatus.SUSPENDED ? LifecycleStatus.RECOGNISED : null;
        };
        return Optional.ofNullable(next);
    }

    /** Statuses whose platforms are re-evaluated yearly. */
    public static Set<LifecycleStatus> reevaluated() {
        return PUBLISHED;
    }

    public boolean needsReasonAndLegalBasis() {
        return this != KEEP;
    }
}
