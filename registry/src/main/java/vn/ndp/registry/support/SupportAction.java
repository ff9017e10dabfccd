package vn.ndp.registry.support;

import java.util.Set;

/** What someone does to a support request's status, and which side of the thread may do it. */
public enum SupportAction {
    /** The operator takes the request up. */
    START(Side.OPERATOR),
    /** The operator needs something from the requester. */
    ASK_REQUESTER(Side.OPERATOR),
    /** Work continues: the operator resumes, or the requester answers what was asked. */
    RESUME(Side.OPERATOR, Side.REQUESTER),
    RESOLVE(Side.OPERATOR),
    /** The requester is not satisfied with the resolution (within the reopen period). */
    REOPEN(Side.REQUESTER),
    /** Either side confirms a resolution; closed is final. */
    CLOSE(Side.OPERATOR, Side.REQUESTER);

    /** The two sides of a support request. */
    public enum Side {
        REQUESTER, OPERATOR
    }

    private final Set<Side> sides;

    SupportAction(Side... sides) {
        this.sides = Set.of(sides);
    }

    public boolean mayBeTakenBy(Side side) {
        return sides.contains(side);
    }
}
