package vn.ndp.registry.support;

/** How urgent a support request is; each has its own service level ({@link SupportSettings.Sla}). */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
