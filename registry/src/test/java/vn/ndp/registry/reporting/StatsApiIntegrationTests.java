package vn.ndp.registry.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;

@RegistryIntegrationTest
@SuppressWarnings("unchecked")
class StatsApiIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    CatalogStatistics statistics;

    @Test
    void countsByOwnerFollowTheDateAsked() {
        var before = statistics.breakdown(CatalogStatistics.Dimension.OWNER, java.time.LocalDate.parse("2024-07-03"));
        var after = statistics.breakdown(CatalogStatistics.Dimension.OWNER, java.time.LocalDate.parse("2025-07-01"));
        assertThat(before.buckets()).extracting(CatalogStatistics.Bucket::key).contains("BKHDT").doesNotContain("BKHCN");
        assertThat(after.buckets()).extracting(CatalogStatistics.Bucket::key).doesNotContain("BKHDT", "BTTTT");
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
    }

    @Test
    void platformsWhoseListingDateIsUnknownAreCountedTodayAndForAnEarlierDateSaidApartNotCounted() {
        var longAgo = statistics.breakdown(CatalogStatistics.Dimension.OWNER, java.time.LocalDate.parse("2000-01-01"));
        var today = statistics.breakdown(CatalogStatistics.Dimension.OWNER, null);

        assertThat(longAgo.buckets()).extracting(CatalogStatistics.Bucket::key)
                .as("VPCP's platforms date from 2019 at the earliest or are of unknown date").doesNotContain("VPCP");
        assertThat(longAgo.dateUnknown()).as("TRUC-LTVB-QG, ECABINET, HTTT-CDDH-CP, HT-THEO-DOI-NHIEM-VU, SSKDT,"
                + " COVID19-VAX and any of other tests").isGreaterThanOrEqualTo(6);
        assertThat(today.dateUnknown()).isZero();
        assertThat(today.buckets()).filteredOn(b -> b.key().equals("VPCP")).singleElement()
                .satisfies(b -> assertThat(b.count()).isGreaterThanOrEqualTo(6));
        client.get().uri("/api/v1/stats/platforms?by=owner&asOf=2000-01-01").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.dateUnknown").value(n -> assertThat(((Number) n).longValue())
                        .isEqualTo(longAgo.dateUnknown()));
    }

    @Test
    void categoryBreakdownAddsUpToTheCatalogueTotal() {
        long total = client.get().uri("/api/v1/platforms?size=1").exchange()
                .expectBody(Total.class).returnResult().getResponseBody().total();
        client.get().uri("/api/v1/stats/platforms?by=category").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo((int) total)
                .jsonPath("$.buckets[*].key").value(keys -> assertThat((List<Object>) keys)
                        .isSubsetOf("government", "economy", "society"));
    }

    @Test
    void statsNeedADimension() {
        client.get().uri("/api/v1/stats/platforms").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("by");
        client.get().uri("/api/v1/stats/platforms?by=colour").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("owner"));
    }

    @Test
    void publishedFiguresCarryTheirDocumentAndSource() {
        client.get().uri("/api/v1/stats/figures").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.key == 'list_2023.platforms_total')].value").isEqualTo(List.of(103))
                .jsonPath("$[?(@.key == 'list_2023.platforms_total')].document")
                .isEqualTo(List.of("2765/BTTTT-CĐSQG"));
    }

    record Total(long total) {
    }
}
