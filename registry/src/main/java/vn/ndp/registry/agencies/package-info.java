/**
 * Agencies: ministries, ministerial-level and government agencies, provinces,
 * enterprises. Agencies are reorganised (the 2025 ministry mergers, 63 → 34
 * provinces) through {@link vn.ndp.registry.agencies.Succession successions};
 * nothing is deleted, so any question can be asked as of a date, and a
 * platform's owner on a date follows the successions of its original owner.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agencies")
package vn.ndp.registry.agencies;
