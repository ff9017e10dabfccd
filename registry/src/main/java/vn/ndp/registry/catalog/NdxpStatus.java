package vn.ndp.registry.catalog;

/** Connection to the National Data Integration and Sharing Platform. */
public enum NdxpStatus {
    CONNECTED, NOT_CONNECTED, UNKNOWN
}
