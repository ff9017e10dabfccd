package vn.ndp.registry.overlap;

/** How a described platform relates to an existing one. */
public enum Verdict {
    /** Does the same thing as an existing platform: use or extend that one instead. */
    DUPLICATE,
    /** Shares functions with an existing platform: reuse or connect rather than rebuild them. */
    OVERLAPPING,
    /** Nothing significant in common. */
    DISTINCT;

    public boolean flagged() {
        return this != DISTINCT;
    }
}
