package vn.ndp.registry.adoption;

/** Where a province stands with one national platform in a year. */
public enum AdoptionStatus {
    /** Chosen in the plan, not started. */
    PLANNED,
    /** Being set up, trained on, connected. */
    DEPLOYING,
    /** Used by the province's agencies. */
    IN_USE,
    /** Was deployed, no longer used. */
    STOPPED;

    /** Counts as "deploys the platform": being deployed or in use. */
    public boolean deploys() {
        return this == DEPLOYING || this == IN_USE;
    }
}
