package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ndp.registry.RegistryIntegrationTest;

/** Counting the catalogue as of an earlier day counts the platforms of unknown listing date without reading them. */
@RegistryIntegrationTest
class CatalogCountsIntegrationTests {

    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    @Autowired
    Catalog catalog;

    @Test
    void aCountAsOfAnEarlierDayHasTheSearchsTotalsAndUndatedCountButNamesNoUndatedPlatform() {
        PlatformQuery all = PlatformQuery.all(LONG_AGO).withPage(1, 1);
        PlatformPage searched = catalog.search(all);

        PlatformPage counted = catalog.count(all);

        assertThat(searched.dateUnknown()).as("the reference data has platforms of unknown listing date").isNotEmpty();
        assertThat(counted.dateUnknown()).isEmpty();
        assertThat(counted.dateUnknownTotal()).isEqualTo(searched.dateUnknownTotal());
        assertThat(counted.total()).isEqualTo(searched.total());
        assertThat(counted.facets()).isEqualTo(searched.facets());
    }
}
