package vn.ndp.registry.catalog;

public enum PlatformType {
    PLATFORM, INFORMATION_SYSTEM, APPLICATION, NATIONAL_DATABASE
}
