package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.exchange.DirectoryEntries;
import vn.ndp.registry.exchange.ExchangeRegister;

@RegistryIntegrationTest
class CataloguePagesIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    PlatformImport platformImport;

    @Autowired
    ExchangeRegister exchange;

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
    void theRowsPerPageChoicesAreTheSharedOnesUpToTheCataloguesMaximum() {
        var select = HtmlPage.parse(page("/platforms")).elements("select").stream()
                .filter(s -> "size".equals(s.getAttributeValue("name"))).toList();
        assertThat(select).hasSize(1);
        assertThat(HtmlPage.elements(select.getFirst(), "option")).extracting(o -> o.getAttributeValue("value"))
                .containsExactly("10", "20", "50", "100");
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
                .contains("value=\"03/07/2024\"");
    }

    @Test
    void anAsOfDateTypedAsDayMonthYearIsReadAsTheSameDayAndItsFieldIsNoBrowserCalendar() {
        String typed = page("/platforms?owner=BKHDT&asOf=3/7/2024");
        assertThat(typed).as("listed under the Ministry of Planning and Investment, merged on 01/03/2025")
                .contains("Hệ thống mạng đấu thầu quốc gia").contains("Đang xem dữ liệu theo ngày 03/07/2024.");
        String field = typed.substring(typed.lastIndexOf("<input", typed.indexOf("id=\"as-of-date\"")));
        field = field.substring(0, field.indexOf('>'));
        assertThat(field).contains("type=\"text\"", "name=\"asOf\"", "value=\"03/07/2024\"",
                "placeholder=\"dd/mm/yyyy\"", "aria-describedby=\"as-of-hint\"").doesNotContain("required");
        assertThat(page("/platforms?owner=BKHDT")).as("the field is empty today, not 'null'")
                .contains("name=\"asOf\" value=\"\"").doesNotContain("aria-describedby=\"null\"");
        String noSuchDay = client.get().uri("/platforms?asOf=31/02/2024").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(noSuchDay).contains("Ngày xem dữ liệu (asOf)", "31/02/2024", "dd/MM/yyyy");
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
    void asOfADateLongAgoThePlatformsOfUnknownListingDateAreNamedApartAndNotCounted() {
        HtmlPage html = HtmlPage.parse(page("/platforms?owner=VPCP&asOf=2000-01-01"));
        assertThat(HtmlPage.text(html.byId("results-heading"))).startsWith("0 nền tảng");
        assertThat(HtmlPage.text(html.byId("date-unknown"))).startsWith("Chưa rõ ngày đưa vào danh mục:")
                .contains("không biết đã có trong danh mục vào ngày 01/01/2000 hay chưa", "e-Cabinet")
                .doesNotContain("Cổng Dịch vụ công quốc gia");
        assertThat(page("/platforms/DVCQG?asOf=2000-01-01")).contains("Vào ngày 01/01/2000, nền tảng này chưa có"
                + " trong danh mục: nền tảng có trong danh mục từ ngày 12/03/2019.");
        assertThat(page("/platforms/ECABINET?asOf=2000-01-01")).contains("Chưa rõ ngày nền tảng này được đưa vào"
                + " danh mục, nên không biết vào ngày 01/01/2000 nền tảng đã có trong danh mục hay chưa.");
        assertThat(page("/")).doesNotContain("id=\"date-unknown\"");
    }

    @Test
    void anAgencyPageAsOfADateBeforeItWasFormedNamesTheAgenciesThatExistedThen() {
        HtmlPage html = HtmlPage.parse(page("/agencies/P-TUYEN-QUANG-2025?asOf=2024-06-01"));
        var notice = html.elementsOfClass("div", "notice").stream()
                .filter(d -> HtmlPage.text(d).contains("01/07/2025")).findFirst().orElseThrow();
        assertThat(HtmlPage.text(notice)).contains("được thành lập từ ngày 01/07/2025, sau ngày đang xem (01/06/2024)",
                "Tỉnh Tuyên Quang", "Tỉnh Hà Giang");
        assertThat(HtmlPage.elements(notice, "a")).extracting(a -> a.getAttributeValue("href"))
                .containsExactlyInAnyOrder("/agencies/P-TUYEN-QUANG?asOf=2024-06-01",
                        "/agencies/P-HA-GIANG?asOf=2024-06-01");
    }

    @Test
    void aMergedMinistrysPageAfterItsLastDaySaysWhatItWasMergedInto() {
        assertThat(page("/agencies/BKHDT?asOf=2025-03-01")).contains(
                "từ ngày 01/03/2025, cơ quan đã được hợp nhất vào Bộ Tài chính");
        assertThat(page("/agencies/BKHDT?asOf=2025-02-28")).doesNotContain("hợp nhất vào");
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

    /** The issuer of a legal basis is text as the decision names it, in Vietnamese, and says so on an English page. */
    @Test
    void theIssuerOfALegalBasisIsMarkedVietnameseOnAnEnglishPage() {
        String english = client.get().uri("/platforms/DVCQG?lang=en").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains(", issued by <span lang=\"vi\">Thủ tướng Chính phủ</span>");
        String vietnamese = client.get().uri("/platforms/DVCQG?lang=vi").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(vietnamese).contains(", Thủ tướng Chính phủ ban hành").doesNotContain("lang=\"vi\">Thủ tướng");
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
    void badParametersAreSaidInTheReadersLanguage() {
        String vi = badRequest("/platforms?page=0&asOf=31/02/2024&size=abc");
        assertThat(vi).contains("Trang (page)", "phải là một số nguyên từ 1 đến 100.000.",
                        "Ngày xem dữ liệu (asOf)", "không phải là một ngày có thật; hãy viết theo dạng ngày/tháng/năm",
                        "Số dòng mỗi trang (size)", "không phải là một số nguyên.")
                .doesNotContain("must be between", "is not a calendar date", "is not a whole number");
        assertThat(badRequest("/platforms?page=0&lang=en")).contains("must be a whole number from 1 to 100,000.");
    }

    @Test
    void aPagePastTheEndSaysThePageDoesNotExistAndLinksToTheLastOne() {
        HtmlPage page = HtmlPage.parse(page("/platforms?page=999"));
        String beyond = HtmlPage.text(page.byId("beyond"));
        assertThat(beyond).matches("Trang 999 không còn mục nào; danh sách có \\d+ mục, chỉ có \\d+ trang\\. Đến trang"
                + " cuối \\(trang \\d+\\)");
        String last = beyond.replaceAll(".*\\(trang (\\d+)\\)", "$1");
        assertThat(HtmlPage.elements(page.byId("beyond"), "a").getFirst().getAttributeValue("href"))
                .isEqualTo(last.equals("1") ? "/platforms" : "/platforms?page=" + last);
        assertThat(HtmlPage.text(page.byId("main"))).doesNotContain("Không tìm thấy nền tảng nào phù hợp");
        assertThat(HtmlPage.text(HtmlPage.parse(page("/platforms?page=999&lang=en")).byId("beyond")))
                .startsWith("There is no page 999: the list has ").contains("Go to the last page (page ");
    }

    private String badRequest(String uri) {
        return client.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void platformNamesFromAnImportAreEscaped() {
        byte[] csv = CatalogueCsv.of("XSS-TEST,<script>alert(1)</script> Nền tảng thử,<script>alert(1)</script> test,"
                + "BTC,government,platform,central,proposed,\"<img src=x onerror=alert(2)>\",desc,op,,");
        platformImport.importFile("xss.csv", csv, PlatformImport.Progress.NONE, "import (tester)");
        String detail = page("/platforms/XSS-TEST");
        assertThat(detail).contains("&lt;script&gt;alert(1)&lt;/script&gt; Nền tảng thử")
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("<img src=x");
        String list = page("/platforms?q=nen tang thu");
        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void platformPageShowsItsConnectionFromTheExchangeDirectoryWithSystemsServicesAndConsumers() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String code = "NDXP-LINKED-" + suffix;
        importPlatforms(code + ",Nền tảng có trong danh bạ,Platform in the directory,BTC,government,platform,central,"
                + "in_use,,,,,,,not_connected");
        String actor = "test (catalogue pages)";
        var provider = exchange.registerMember("GOV", "T.P" + suffix, "Bộ cung cấp thử", "BTC", false, actor);
        var consumer = exchange.registerMember("GOV", "T.C" + suffix, "Tỉnh sử dụng thử", "P-HUE", false, actor);
        var system = exchange.registerSubsystem(provider.id(), "core", code, false, actor);
        var realClient = exchange.registerSubsystem(consumer.id(), "portal", null, false, actor);
        var sampleClient = exchange.registerSubsystem(consumer.id(), "demo", null, false, actor);
        List<DirectoryEntries.Endpoint> whole = List.of();
        var units = exchange.registerService(system.id(), "units", "Đơn vị", null, whole, false, actor);
        var trial = exchange.registerService(system.id(), "trial", "Thử", null, whole, true, actor);
        exchange.grant(realClient.id(), units.id(), null, null, false, actor);
        exchange.grant(sampleClient.id(), trial.id(), null, null, true, actor);

        String html = page("/platforms/" + code);

        assertThat(html).contains("Đã kết nối (theo danh bạ trao đổi dữ liệu)")
                .contains("href=\"#ndxp-heading\"")
                .contains("Kết nối NDXP theo danh bạ trao đổi dữ liệu")
                .contains("href=\"/exchange#subsystems\"><code>" + system.id() + "</code>")
                .contains("href=\"/exchange#services\"><code>" + units.id() + "</code>")
                .contains("href=\"/exchange#services\"><code>" + trial.id() + "</code>")
                .contains("href=\"/exchange#rights\"><code>" + realClient.id() + "</code>")
                .contains("href=\"/exchange#rights\"><code>" + sampleClient.id() + "</code>")
                .doesNotContain("Chưa có trong danh bạ NDXP")
                .doesNotContain("Chưa rõ");
        assertThat(entry(html, trial.id())).contains("Dữ liệu mẫu");
        assertThat(entry(html, sampleClient.id())).contains("Dữ liệu mẫu");
        assertThat(entry(html, units.id())).doesNotContain("Dữ liệu mẫu");
        assertThat(entry(html, realClient.id())).doesNotContain("Dữ liệu mẫu");
        assertThat(page("/platforms/" + code + "?lang=en"))
                .contains("Connected (according to the data exchange directory)")
                .contains("Services offered")
                .contains("Systems allowed to call them");
        client.get().uri("/api/v1/platforms/" + code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.exchange.services.length()").isEqualTo(2)
                .jsonPath("$.exchange.sample.services[0]").isEqualTo(trial.id())
                .jsonPath("$.exchange.sample.consumers[0]").isEqualTo(sampleClient.id())
                .jsonPath("$.exchange.sample.subsystems.length()").isEqualTo(0);
    }

    @Test
    void platformMissingFromTheExchangeDirectoryShowsItsStatusAsSelfDeclared() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        importPlatforms("NDXP-UNDECLARED-" + suffix + ",Nền tảng chưa khai,Undeclared platform,BTC,government,"
                        + "platform,central,in_use,,,,,,,",
                "NDXP-DECLARED-" + suffix + ",Nền tảng tự khai,Declared platform,BTC,government,platform,central,"
                        + "in_use,,,,,,,connected");

        String undeclared = page("/platforms/NDXP-UNDECLARED-" + suffix);
        String declared = page("/platforms/NDXP-DECLARED-" + suffix);

        assertThat(undeclared).contains("Chưa có trong danh bạ NDXP; đơn vị tự khai: Chưa có thông tin")
                .doesNotContain("Chưa rõ")
                .doesNotContain("ndxp-heading")
                .doesNotContain("Đã kết nối (theo danh bạ trao đổi dữ liệu)");
        assertThat(declared).contains("Chưa có trong danh bạ NDXP; đơn vị tự khai: Đã kết nối");
        assertThat(page("/platforms/NDXP-UNDECLARED-" + suffix + "?lang=en"))
                .contains("Not in the NDXP directory; declared by the owner: Not known");
    }

    private String page(String uri) {
        return client.get().uri(uri).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private void importPlatforms(String... rows) {
        var report = platformImport.importFile("ndxp.csv", CatalogueCsv.of(List.of("ndxp_status"), rows),
                PlatformImport.Progress.NONE, "import (tester)");
        assertThat(report.created()).isEqualTo(rows.length);
    }

    /** The text of the list item of one directory entry on the platform page. */
    private static String entry(String html, String id) {
        List<String> items = HtmlPage.parse(html).elements("li").stream()
                .filter(li -> HtmlPage.texts(li, "code").contains(id)).map(HtmlPage::text).toList();
        assertThat(items).as("entry %s on the page", id).hasSize(1);
        return items.getFirst();
    }
}
