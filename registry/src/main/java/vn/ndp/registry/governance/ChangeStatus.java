package vn.ndp.registry.governance;

import java.util.Optional;

/** Where a change request stands: it is decided once, from PENDING only, and takes evidence until then. */
public enum ChangeStatus {
    PENDING, APPROVED, DECLINED, WITHDRAWN;

    public enum Action {
        APPROVE, DECLINE, WITHDRAW
    }

    public Optional<ChangeStatus> after(Action action) {
        if (this != PENDING) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case APPROVE -> APPROVED;
            case DECLINE -> DECLINED;
            case WITHDRAW -> WITHDRAWN;
        });
    }

    /** Whether the editor may still add evidence documents (the reviewer decides on what was there). */
    public boolean takesEvidence() {
        return this == PENDING;
    }
}
