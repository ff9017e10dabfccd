/**
 * Reporting: counts of the catalogue by owner and category as of a date, and
 * the programme's published figures (reference statistics, each with its
 * source).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package vn.ndp.registry.reporting;
