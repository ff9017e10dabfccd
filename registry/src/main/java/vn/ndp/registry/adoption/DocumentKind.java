package vn.ndp.registry.adoption;

/**
 * The legal document in which a province announced the platforms it deploys
 * in a year: inside its digital-transformation plan, by a separate decision of
 * the provincial People's Committee, or (assigned, not yet announced) none.
 */
public enum DocumentKind {
    /** Inside the province's digital-transformation plan (kế hoạch chuyển đổi số). */
    PLAN,
    /** A separate decision or document of the provincial People's Committee. */
    DECISION,
    /** Assigned platforms, no announcing document yet. */
    NONE
}
