package vn.ndp.registry.catalog;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ndp.registry.agencies.Agency;

/**
 * One page of search results, with facet counts over all matches, asked as of {@code asOf}. {@code dateUnknown}:
 * the platforms that match but whose listing date is unknown, so that asked as of a date before today they are
 * neither among the results nor counted (up to {@link PlatformQuery#MAX_SIZE}; always empty as of today), and
 * {@code dateUnknownTotal} how many there are in all.
 */
public record PlatformPage(
        List<Hit> items,
        long total,
        int page,
        int size,
        LocalDate asOf,
        Map<String, List<FacetCount>> facets,
        List<Platform> dateUnknown,
        long dateUnknownTotal) {

    public PlatformPage {
        dateUnknown = List.copyOf(dateUnknown);
    }

    /** A platform with its owner on the as-of date. */
    public record Hit(Platform platform, Agency owner) {
    }

    public record FacetCount(String value, long count) {
    }

    /** How many matches each value of {@code facet} has (an owner as of the date, a category, ...). */
    public Map<String, Long> counts(String facet) {
        Map<String, Long> counts = new HashMap<>();
        facets.getOrDefault(facet, List.of()).forEach(c -> counts.put(c.value(), c.count()));
        return counts;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
