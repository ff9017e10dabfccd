package vn.ndp.registry.agencies;

import java.time.LocalDate;

/** One agency's time as owner of something: from (inclusive, null = since listing) to (inclusive, null = now). */
public record Tenure(Agency agency, LocalDate from, LocalDate to, Succession cause) {

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
