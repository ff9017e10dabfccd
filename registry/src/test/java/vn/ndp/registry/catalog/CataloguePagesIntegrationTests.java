package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;

@RegistryIntegrationTest
class CataloguePagesIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    PlatformImport platformImport;

    @Test
    void homePageShowsLiveCountsAndPublishedFiguresWithTheirSource() {
        String html = page("/");
        assertThat(html).contains("<html lang=\"vi\"")
                .contains("Danh mục nền tảng số quốc gia")
                .contains("nền tảng trong danh mục")
                .contains("Số nền tảng trong danh sách công bố năm 2023")
                .contains("2765/BTTTT-CĐSQG")
                .contains("href=\"https://daibieunhandan.vn/")
                .contains("href=\"/overlap\"")
                .contains("href=\"/swagger-ui.html\"")
                .doesNotContain("style=");
    }

    @Test
    void searchWithoutDiacriticsListsTheNationalPublicServicePortal() {
        String html = page("/platforms?q=cong dich vu cong quoc gia");
        assertThat(html).contains("Cổng Dịch vụ công quốc gia")
                .contains("href=\"/platforms/DVCQG\"")
                .contains("value=\"cong dich vu cong quoc gia\"");
    }

    @Test
    void facetFilterNarrowsTheListAndOffersALinkToRemoveIt() {
        String html = page("/platforms?owner=VPCP");
        assertThat(html).contains("Cổng Dịch vụ công quốc gia")
                .doesNotContain("Nền tảng định danh và xác thực điện tử (VNeID)")
                .contains("Cơ quan chủ quản: Văn phòng Chính phủ")
                .contains("href=\"/platforms\"");
        assertThat(page("/platforms")).contains("href=\"/platforms?owner=VPCP\"");
    }

    @Test
    void asOfDateIsCarriedThroughLinksAndShownInVietnameseDateFormat() {
        String html = page("/platforms?owner=BKHDT&asOf=2024-07-03");
        assertThat(html).contains("Hệ thống mạng đấu thầu quốc gia")
                .contains("href=\"/platforms/MANG-DAU-THAU-QG?asOf=2024-07-03\"")
                .contains("03/07/2024")
                .contains("value=\"2024-07-03\"");
    }

    @Test
    void detailPageShowsOperatorAndOwnershipHistoryAcrossTheMinistryMerger() {
        String html = page("/platforms/MANG-DAU-THAU-QG");
        assertThat(html).contains("Hệ thống mạng đấu thầu quốc gia")
                .contains("Đơn vị vận hành")
                .contains("Lịch sử cơ quan chủ quản")
                .contains("Bộ Kế hoạch và Đầu tư")
                .contains("28/02/2025")
                .contains("Bộ Tài chính")
                .contains("01/03/2025")
                .contains("Nghị quyết 176/2025/QH15");
        String before = html.substring(html.indexOf("Lịch sử cơ quan chủ quản"));
        assertThat(before.indexOf("Bộ Kế hoạch và Đầu tư")).isLessThan(before.indexOf("Bộ Tài chính"));
    }

    @Test
    void agencyPageShowsPredecessorsWithDateKindAndLegalBasis() {
        String html = page("/agencies/P-TUYEN-QUANG-2025");
        assertThat(html).contains("Cơ quan tiền thân")
                .contains("href=\"/agencies/P-TUYEN-QUANG\"")
                .contains("Tỉnh Hà Giang")
                .contains("01/07/2025")
                .contains("Hợp nhất")
                .contains("Nghị quyết 202/2025/QH15");
        assertThat(page("/agencies/P-HA-GIANG")).contains("Cơ quan kế thừa")
                .contains("href=\"/agencies/P-TUYEN-QUANG-2025\"");
    }

    @Test
    void agencyListFiltersByKindAsOfADate() {
        String html = page("/agencies?kind=ministry&asOf=2024-07-03");
        assertThat(html).contains("Bộ Kế hoạch và Đầu tư").doesNotContain("Tỉnh Hà Giang");
        assertThat(page("/agencies?kind=ministry")).doesNotContain("Bộ Kế hoạch và Đầu tư");
    }

    @Test
    void statisticsPageDrawsAccessibleChartsWithATableFallback() {
        String html = page("/statistics?compare=2025-02-28");
        assertThat(html).contains("role=\"img\"")
                .contains("<title id=\"chart-owner-title\"")
                .contains("<desc id=\"chart-owner-desc\"")
                .contains("Xem dữ liệu dạng bảng")
                .contains("Chính phủ số")
                .contains("Cơ quan chủ quản ngày 28/02/2025")
                .contains("Bộ Kế hoạch và Đầu tư");
    }

    @Test
    void englishSwitchTranslatesThePageAndIsRemembered() {
        var result = client.get().uri("/platforms/DVCQG?lang=en").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(result.getResponseBody()).contains("<html lang=\"en\"")
                .contains("National Public Service Portal")
                .contains("Ownership history")
                .contains("Overlap check");
        String cookie = result.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).contains("ndp-lang=en");
        String next = client.get().uri("/platforms").header(HttpHeaders.COOKIE, cookie.split(";")[0])
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(next).contains("Platform catalogue");
    }

    @Test
    void unknownPlatformAndAgencyGetAFriendlyNotFoundPage() {
        String platform = client.get().uri("/platforms/NO-SUCH").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(platform).contains("Không tìm thấy nền tảng").contains("NO-SUCH").contains("Về danh mục nền tảng");
        String agency = client.get().uri("/agencies/NO-SUCH?lang=en").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(agency).contains("Agency not found");
    }

    @Test
    void badParametersGetAPageListingEachOfThem() {
        String html = client.get().uri("/platforms?asOf=2024-13-40&size=100000").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Tham số không hợp lệ")
                .contains("Ngày xem dữ liệu (asOf)")
                .contains("2024-13-40")
                .contains("Số dòng mỗi trang (size)")
                .contains("100000")
                .doesNotContain("Exception")
                .doesNotContain("Whitelabel");
    }

    @Test
    void platformNamesFromAnImportAreEscaped() {
        String csv = """
                code,name_vi,name_en,owner_code,category,type,scope,status,description_vi,description_en,operator,legal_basis,website
                XSS-TEST,<script>alert(1)</script> Nền tảng thử,<script>alert(1)</script> test,BTC,government,platform,central,proposed,"<img src=x onerror=alert(2)>",desc,op,,
                """;
        platformImport.importFile("xss.csv", csv.getBytes(StandardCharsets.UTF_8), PlatformImport.Progress.NONE, "import (tester)");
        String detail = page("/platforms/XSS-TEST");
        assertThat(detail).contains("&lt;script&gt;alert(1)&lt;/script&gt; Nền tảng thử")
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("<img src=x");
        String list = page("/platforms?q=nen tang thu");
        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    private String page(String uri) {
        return client.get().uri(uri).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
