package vn.ndp.registry.agencies;

import java.time.LocalDate;

/**
 * From {@code effectiveDate} the predecessor no longer acts; the successor does.
 * The {@code main} successor carries the predecessor's platforms and history.
 */
public record Succession(
        String predecessorCode,
        String successorCode,
        LocalDate effectiveDate,
        SuccessionKind kind,
        boolean main,
        String legalBasis,
        String note,
        String source) {
}
