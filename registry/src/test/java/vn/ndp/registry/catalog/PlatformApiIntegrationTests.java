package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;

@RegistryIntegrationTest
class PlatformApiIntegrationTests {

    @Autowired
    RestTestClient client;

    @Test
    void searchWithoutDiacriticsFindsThePublicServicePortal() {
        client.get().uri("/api/v1/platforms?q=cong dich vu cong quoc gia").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].code").isEqualTo("DVCQG")
                .jsonPath("$.items[0].nameVi").isEqualTo("Cổng Dịch vụ công quốc gia");
    }

    @Test
    void ownerFollowsTheMinistryMergerOfMarch2025() {
        client.get().uri("/api/v1/platforms?owner=BKHDT&asOf=2024-07-03").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == 'MANG-DAU-THAU-QG')].owner.code").isEqualTo("BKHDT");
        client.get().uri("/api/v1/platforms?owner=BTC&asOf=2025-03-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == 'MANG-DAU-THAU-QG')].owner.code").isEqualTo("BTC");
        client.get().uri("/api/v1/platforms/MANG-DAU-THAU-QG").exchange()
                .expectBody()
                .jsonPath("$.ownership[0].agency.code").isEqualTo("BKHDT")
                .jsonPath("$.ownership[0].to").isEqualTo("2025-02-28")
                .jsonPath("$.ownership[1].agency.code").isEqualTo("BTC")
                .jsonPath("$.ownership[1].from").isEqualTo("2025-03-01");
    }

    @Test
    void aPlatformRecognisedByTheDecisionOf2025IsNotInTheCatalogueBeforeIt() {
        client.get().uri("/api/v1/platforms?owner=BCA&asOf=2025-09-10&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == 'CONG-DU-LIEU-QG')]").isEmpty();
        client.get().uri("/api/v1/platforms?owner=BCA&asOf=2025-09-11&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == 'CONG-DU-LIEU-QG')].code").isEqualTo("CONG-DU-LIEU-QG");
    }

    @Test
    void aPlatformWithNoListingDateCountsFromTheDateOfItsLegalBasis() {
        client.get().uri("/api/v1/platforms?owner=VPCP&asOf=2019-03-11&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == 'DVCQG')]").isEmpty()
                .jsonPath("$.dateUnknown[?(@.code == 'DVCQG')]").isEmpty();
        client.get().uri("/api/v1/platforms?owner=VPCP&asOf=2019-03-12&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == 'DVCQG')].code").isEqualTo("DVCQG");
    }

    @Test
    void aPlatformOfUnknownListingDateIsSaidApartAsOfAnEarlierDateAndListedToday() {
        client.get().uri("/api/v1/platforms?owner=VPCP&asOf=2000-01-01&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items").isEmpty()
                .jsonPath("$.total").isEqualTo(0)
                .jsonPath("$.dateUnknown[?(@.code == 'ECABINET')].nameVi").isEqualTo("Hệ thống thông tin phục vụ họp"
                        + " và xử lý công việc của Chính phủ (e-Cabinet)");
        client.get().uri("/api/v1/platforms?owner=VPCP&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == 'ECABINET')].code").isEqualTo("ECABINET")
                .jsonPath("$.dateUnknown").isEmpty();
    }

    @Test
    void badParametersAreNamedInOneProblemDocument() {
        client.get().uri("/api/v1/platforms?asOf=2024-13-40&size=100000&category=cloud").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_PARAMETER")
                .jsonPath("$.errors[0].field").isEqualTo("category")
                .jsonPath("$.errors[1].field").isEqualTo("asOf")
                .jsonPath("$.errors[2].field").isEqualTo("size");
    }

    @Test
    void unknownPlatformIsAProblemNotFound() {
        client.get().uri("/api/v1/platforms/NO-SUCH").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("PLATFORM_NOT_FOUND")
                .jsonPath("$.detail").isEqualTo("No platform has the code 'NO-SUCH'.");
    }

    @Test
    void csvExportHasTheImportHeaderAndOneRowPerMatch() {
        String csv = client.get().uri("/api/v1/platforms.csv?owner=VPCP").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("\uFEFFcode,name_vi,name_en,owner_code,category,type,scope,status");
        long total = client.get().uri("/api/v1/platforms?owner=VPCP").exchange()
                .expectBody(PlatformTotal.class).returnResult().getResponseBody().total();
        assertThat(csv.lines().count()).isEqualTo(total + 1);
    }

    record PlatformTotal(long total) {
    }
}
