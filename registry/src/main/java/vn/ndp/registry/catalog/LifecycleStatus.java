package vn.ndp.registry.catalog;

public enum LifecycleStatus {
    PROPOSED, POTENTIAL, RECOGNISED, TRIAL, IN_USE, SUSPENDED, REVOKED, RETIRED
}
