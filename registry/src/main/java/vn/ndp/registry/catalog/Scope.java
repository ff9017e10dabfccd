package vn.ndp.registry.catalog;

/** Where a platform is deployed, central to commune level. */
public enum Scope {
    CENTRAL, PROVINCE, COMMUNE
}
