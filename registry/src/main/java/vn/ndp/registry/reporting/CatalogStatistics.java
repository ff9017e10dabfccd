package vn.ndp.registry.reporting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/** Counts of the catalogue as of a date. */
@Service
public class CatalogStatistics {

    public enum Dimension {
        OWNER, CATEGORY
    }

    public record Bucket(String key, String labelVi, String labelEn, long count) {
    }

    /**
     * {@code dateUnknown}: how many platforms are left out because, asked as of a date before today, their listing
     * date is unknown (0 as of today).
     */
    public record Breakdown(String by, LocalDate asOf, long total, List<Bucket> buckets, long dateUnknown) {
    }

    private static final Map<Category, String[]> CATEGORY_LABELS = Map.of(
            Category.GOVERNMENT, new String[] {"Chính phủ số", "Digital government"},
            Category.ECONOMY, new String[] {"Kinh tế số", "Digital economy"},
            Category.SOCIETY, new String[] {"Xã hội số", "Digital society"});

    private final Catalog catalog;
    private final Agencies agencies;

    CatalogStatistics(Catalog catalog, Agencies agencies) {
        this.catalog = catalog;
        this.agencies = agencies;
    }

    public Breakdown breakdown(Dimension dimension, LocalDate asOf) {
        LocalDate date = asOf == null ? agencies.today() : asOf;
        PlatformPage all = catalog.count(PlatformQuery.all(date).withPage(1, 1));
        List<Bucket> buckets = all.counts(dimension == Dimension.OWNER ? "owner" : "category").entrySet().stream()
                .map(e -> bucket(dimension, e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::key))
                .toList();
        long total = buckets.stream().mapToLong(Bucket::count).sum();
        return new Breakdown(Wire.name(dimension), date, total, buckets, all.dateUnknownTotal());
    }

    private Bucket bucket(Dimension dimension, String key, long count) {
        if (dimension == Dimension.CATEGORY) {
            Category category = Category.valueOf(key);
            String[] labels = CATEGORY_LABELS.get(category);
            return new Bucket(Wire.name(category), labels[0], labels[1], count);
        }
        Agency agency = agencies.get(key);
        return new Bucket(key, agency.nameVi(), agency.nameEn(), count);
    }
}
