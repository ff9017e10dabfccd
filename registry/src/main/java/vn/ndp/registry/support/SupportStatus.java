package vn.ndp.registry.support;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a support request stands. Every legal transition is in
 * {@code TRANSITIONS}:
 * <pre>
 * OPEN                  --start--&gt;         IN_PROGRESS
 * IN_PROGRESS           --ask requester--&gt; WAITING_FOR_REQUESTER
 * WAITING_FOR_REQUESTER --resume--&gt;        IN_PROGRESS   (also when the requester replies)
 * IN_PROGRESS           --resolve--&gt;       RESOLVED
 * RESOLVED              --reopen--&gt;        IN_PROGRESS   (requester, within the reopen period)
 * RESOLVED              --close--&gt;         CLOSED        (final)
 * </pre>
 */
public enum SupportStatus {
    OPEN, IN_PROGRESS, WAITING_FOR_REQUESTER, RESOLVED, CLOSED;

    private static final Map<SupportStatus, Map<SupportAction, SupportStatus>> TRANSITIONS = transitions();

    /** The status after the action, or empty when the action is not allowed in this status. */
    public Optional<SupportStatus> after(SupportAction action) {
        return Optional.ofNullable(TRANSITIONS.get(this).get(action));
    }

    /** The actions allowed in this status. */
    public Set<SupportAction> actions() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this).keySet());
    }

    /** The operator has the next move: these count against the service level. */
    public boolean operatorsTurn() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** Not yet resolved or closed. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS || this == WAITING_FOR_REQUESTER;
    }

    private static Map<SupportStatus, Map<SupportAction, SupportStatus>> transitions() {
        Map<SupportStatus, Map<SupportAction, SupportStatus>> all = new EnumMap<>(SupportStatus.class);
        for (SupportStatus status : values()) {
            all.put(status, new EnumMap<>(SupportAction.class));
        }
        all.get(OPEN).put(SupportAction.START, IN_PROGRESS);
        all.get(IN_PROGRESS).put(SupportAction.ASK_REQUESTER, WAITING_FOR_REQUESTER);
        all.get(IN_PROGRESS).put(SupportAction.RESOLVE, RESOLVED);
        all.get(WAITING_FOR_REQUESTER).put(SupportAction.RESUME, IN_PROGRESS);
        all.get(RESOLVED).put(SupportAction.REOPEN, IN_PROGRESS);
        all.get(RESOLVED).put(SupportAction.CLOSE, CLOSED);
        return all;
    }
}
