package vn.ndp.registry.agencies;

public enum AgencyKind {
    MINISTRY,
    MINISTERIAL_AGENCY,
    GOVERNMENT_AGENCY,
    PROVINCE,
    CENTRAL_CITY,
    DEPARTMENT,
    ENTERPRISE,
    OTHER;

    /** Ministries, ministerial-level and government agencies: the bodies that announce national platforms. */
    public boolean isCentral() {
        return this == MINISTRY || this == MINISTERIAL_AGENCY || this == GOVERNMENT_AGENCY;
    }

    /** Provinces and centrally-run cities. */
    public boolean isProvincial() {
        return this == PROVINCE || this == CENTRAL_CITY;
    }
}
