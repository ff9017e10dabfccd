package vn.ndp.registry.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.CatalogueCsv;
import vn.ndp.registry.catalog.PlatformImport;
import vn.ndp.registry.shared.CalendarDates;

@RegistryIntegrationTest
class OfficialListsIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    Clock clock;

    @Autowired
    ApiCalls api;

    @Autowired
    ObjectMapper json;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformImport platformImport;

    record Undated(String platformCode, String nameVi, String nameEn, String status) {
    }

    record Summary(UUID id, String title, int platformCount, List<String> statuses, List<Undated> dateUnknown) {
    }

    record Entry(int position, String platformCode, String ownerCode, String ownerNameVi, Map<String, String> fields) {
    }

    record Detail(Summary version, List<Entry> platforms) {
    }

    record FieldChange(String field, String before, String after) {
    }

    record Changed(String platformCode, List<FieldChange> changes) {
    }

    record Diff(Summary before, Summary after, List<Entry> added, List<Entry> removed, List<Changed> changed) {
    }

    private Summary publish(String admin, String date, List<String> statuses) {
        String number = "Số " + UUID.randomUUID().toString().substring(0, 6) + "/BKHCN-CĐSQG";
        return json.treeToValue(api.post(admin, "/api/v1/lists", Map.of("title", "Công văn " + number + ", " + date,
                "documentNumber", number, "documentDate", date, "issuer", "Bộ Khoa học và Công nghệ",
                "note", "Kiểm thử: nền tảng số quốc gia", "statuses", statuses), 201), Summary.class);
    }

    private Detail detail(UUID id) {
        return client.get().uri("/api/v1/lists/" + id).exchange().expectStatus().isOk()
                .expectBody(Detail.class).returnResult().getResponseBody();
    }

    private Diff diff(UUID id, UUID against) {
        return client.get().uri("/api/v1/lists/" + id + "/diff?against=" + against).exchange()
                .expectStatus().isOk().expectBody(Diff.class).returnResult().getResponseBody();
    }

    private static String ownerOf(Detail detail, String code) {
        return detail.platforms().stream().filter(e -> e.platformCode().equals(code)).findFirst().orElseThrow()
                .ownerCode();
    }

    @Test
    void publishingFreezesTheRecognisedPlatformsAndAuditsIt() {
        String admin = accounts.token(Role.ADMIN, null);
        Summary version = publish(admin, "2025-10-01", List.of());

        Detail detail = detail(version.id());
        assertThat(version.statuses()).containsExactly("recognised");
        assertThat(detail.platforms()).hasSize(version.platformCount());
        assertThat(detail.platforms()).allSatisfy(e -> assertThat(e.fields().get("status")).isEqualTo("recognised"));
        assertThat(detail.platforms()).extracting(Entry::platformCode).contains("CONG-DU-LIEU-QG", "SOC-QG")
                .doesNotContain("VNEID", "DVCQG");
        Entry portal = detail.platforms().stream().filter(e -> e.platformCode().equals("CONG-DU-LIEU-QG")).findFirst()
                .orElseThrow();
        assertThat(portal.ownerNameVi()).isEqualTo("Bộ Công an");
        assertThat(portal.fields()).containsEntry("name_vi", "Cổng dữ liệu quốc gia");
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.LIST_VERSION_PUBLISHED, null, version.id().toString(),
                null, null), 10, 0)).hasSize(1);
    }

    @Test
    void aPublishedListIsAnsweredWithTheMomentEveryLaterReadShows() {
        String admin = accounts.token(Role.ADMIN, null);
        String number = "Số " + UUID.randomUUID().toString().substring(0, 6) + "/BKHCN-CĐSQG";
        JsonNode published = api.post(admin, "/api/v1/lists", Map.of("title", "Công văn " + number,
                "documentNumber", number, "documentDate", "2025-10-01", "issuer", "Bộ Khoa học và Công nghệ",
                "statuses", List.of()), 201);

        JsonNode read = api.get(null, "/api/v1/lists/" + published.get("id").asString(), 200);
        assertThat(published.get("publishedAt").asString()).as("UTC, to the microsecond, as stored")
                .isEqualTo(read.get("version").get("publishedAt").asString()).endsWith("Z");
    }

    @Test
    void aListDatedBeforeTodayFreezesOnlyPlatformsKnownToBeListedThen() {
        Summary version = publish(accounts.token(Role.ADMIN, null), "2020-01-01", List.of("in_use"));

        assertThat(detail(version.id()).platforms()).extracting(Entry::platformCode)
                .as("dated by their legal basis: Decision 274/QĐ-TTg (2019), Circular 11/2019/TT-BKHĐT")
                .contains("DVCQG", "MANG-DAU-THAU-QG")
                .as("legal basis of 22/01/2020, after the document; listing date unknown")
                .doesNotContain("HTTTBC-CP", "ECABINET", "COVID19-VAX");
    }

    @Test
    void aListDatedBeforeTodayNamesThePlatformsItLeftOutBecauseTheirListingDateIsUnknown() {
        Summary version = publish(accounts.token(Role.ADMIN, null), "2020-01-01", List.of("in_use"));

        assertThat(version.dateUnknown()).as("the publish answer names them").extracting(Undated::platformCode)
                .contains("ECABINET", "COVID19-VAX", "TRUC-LTVB-QG")
                .as("dated, if after the document: left out without being named")
                .doesNotContain("HTTTBC-CP", "DVCQG");
        assertThat(version.dateUnknown()).contains(new Undated("SSKDT", "Sổ sức khỏe điện tử", "Electronic health book",
                "in_use"));
        Detail detail = detail(version.id());
        assertThat(detail.version().dateUnknown()).as("the published version keeps naming them")
                .isEqualTo(version.dateUnknown());
        assertThat(detail.platforms()).extracting(Entry::platformCode)
                .doesNotContainAnyElementsOf(version.dateUnknown().stream().map(Undated::platformCode).toList());
        JsonNode listed = api.get(null, "/api/v1/lists", 200);
        assertThat(listed.findValues("dateUnknown")).isNotEmpty();
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.LIST_VERSION_PUBLISHED, null, version.id().toString(),
                null, null), 10, 0).getFirst().detail().toString()).contains("dateUnknown", "ECABINET");
    }

    @Test
    void aListDatedBeforeTodayNamesThePlatformsOfUnknownListingDateByTheStatusTheyHadOnItsDate() {
        // listing dates unknown; one was in use until today and is retired now, the other was in trial until today
        importPlatform("TEST-LIST-WAS-IN-USE", "in_use");
        importPlatform("TEST-LIST-WAS-IN-USE", "retired");
        importPlatform("TEST-LIST-NOW-IN-USE", "trial");
        importPlatform("TEST-LIST-NOW-IN-USE", "in_use");

        Summary version = publish(accounts.token(Role.ADMIN, null), "2020-01-01", List.of("in_use"));

        assertThat(version.dateUnknown()).as("in use on 01/01/2020, retired since")
                .contains(new Undated("TEST-LIST-WAS-IN-USE", "Nền tảng thử TEST-LIST-WAS-IN-USE", "Test platform",
                        "in_use"))
                .extracting(Undated::platformCode).as("in trial on 01/01/2020, in use only from today")
                .doesNotContain("TEST-LIST-NOW-IN-USE");
    }

    private void importPlatform(String code, String status) {
        platformImport.importFile(code + ".csv", CatalogueCsv.of(code + ",Nền tảng thử " + code + ",Test platform,BTC,"
                + "government,platform,central," + status + ",Mô tả dùng cho kiểm thử,Test fixture,,,https://example.vn,"
                + "test fixture"), PlatformImport.Progress.NONE, "import (tester)");
    }

    @Test
    void aListDatedTodayLeavesNoPlatformOutForWantOfAListingDate() {
        Summary version = publish(accounts.token(Role.ADMIN, null), LocalDate.now(clock).toString(),
                List.of("in_use"));

        assertThat(version.dateUnknown()).isEmpty();
        assertThat(detail(version.id()).platforms()).extracting(Entry::platformCode).contains("ECABINET", "SSKDT");
    }

    @Test
    void theDatabaseRefusesToChangeThePlatformsAVersionLeftOut() {
        Summary version = publish(accounts.token(Role.ADMIN, null), "2020-01-01", List.of("in_use"));

        assertThatThrownBy(() -> jdbc.sql("delete from list_undated where list_id = ?").param(version.id()).update())
                .hasMessageContaining("immutable");
        assertThat(detail(version.id()).version().dateUnknown()).isEqualTo(version.dateUnknown());
    }

    @Test
    void eachPlatformKeepsItsOwnerOnTheDocumentDate() {
        String admin = accounts.token(Role.ADMIN, null);
        Summary before = publish(admin, "2024-06-01", List.of("in_use"));
        Summary after = publish(admin, "2025-06-01", List.of("in_use"));

        assertThat(ownerOf(detail(before.id()), "NDXP")).isEqualTo("BTTTT");
        assertThat(ownerOf(detail(after.id()), "NDXP")).isEqualTo("BKHCN");
        Diff diff = diff(after.id(), before.id());
        Changed ndxp = diff.changed().stream().filter(c -> c.platformCode().equals("NDXP")).findFirst().orElseThrow();
        assertThat(ndxp.changes()).contains(new FieldChange("owner_code", "BTTTT", "BKHCN"),
                new FieldChange("owner_name", "Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void comparingVersionsShowsPlatformsAddedAndRemoved() {
        String admin = accounts.token(Role.ADMIN, null);
        Summary early = publish(admin, "2022-01-01", List.of("in_use"));
        Summary later = publish(admin, "2024-06-01", List.of("in_use"));

        Diff forward = diff(later.id(), early.id());
        assertThat(forward.added()).extracting(Entry::platformCode).contains("NDXP", "DIA-CHI-SO");
        assertThat(forward.removed()).isEmpty();
        Diff againstTheLater = diff(early.id(), later.id());
        assertThat(againstTheLater.before().id()).as("from the older, whichever is 'against'").isEqualTo(early.id());
        assertThat(againstTheLater.after().id()).isEqualTo(later.id());
        assertThat(againstTheLater.added()).extracting(Entry::platformCode).contains("NDXP", "DIA-CHI-SO");
        assertThat(againstTheLater.removed()).isEmpty();
    }

    @Test
    void versionsOfOneDocumentDateAreComparedInTheOrderTheyWerePublished() {
        String admin = accounts.token(Role.ADMIN, null);
        Summary first = publish(admin, "2023-03-01", List.of("in_use"));
        Summary second = publish(admin, "2023-03-01", List.of("in_use", "recognised"));

        Diff diff = diff(first.id(), second.id());
        assertThat(diff.before().id()).isEqualTo(first.id());
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAPublishedVersion() {
        Summary version = publish(accounts.token(Role.ADMIN, null), "2025-10-01", List.of());

        assertThatThrownBy(() -> jdbc.sql("update list_version set title = 'sửa' where id = ?").param(version.id())
                .update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from list_entry where list_id = ?").param(version.id()).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from list_version where id = ?").param(version.id()).update())
                .hasMessageContaining("immutable");
        assertThat(detail(version.id()).platforms()).hasSize(version.platformCount());
    }

    @Test
    void csvHasTheFieldKeysAndOneRowPerPlatformInVietnamese() throws Exception {
        Summary version = publish(accounts.token(Role.ADMIN, null), "2025-10-01", List.of());

        byte[] csv = client.get().uri("/api/v1/lists/" + version.id() + ".csv").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).startsWith("attachment"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFposition,code,name_vi,name_en,owner_code,owner_name,category");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(version.platformCount());
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("code")).isEqualTo("CONG-DU-LIEU-QG");
            assertThat(r.get("name_vi")).isEqualTo("Cổng dữ liệu quốc gia");
            assertThat(r.get("owner_name")).isEqualTo("Bộ Công an");
        });
    }

    @Test
    void xlsxReadsBackWithVietnameseHeadersAndTheDocumentSheet() throws Exception {
        Summary version = publish(accounts.token(Role.ADMIN, null), "2025-10-01", List.of());

        byte[] xlsx = client.get().uri("/api/v1/lists/" + version.id() + ".xlsx").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Danh sách nền tảng");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Tên nền tảng");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("name_vi");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(version.platformCount());
            List<String> names = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                names.add(row.getCell(2).getStringCellValue());
            }
            assertThat(names).contains("Cổng dữ liệu quốc gia", "Trợ lý ảo quốc gia");
            Sheet document = workbook.getSheet("Văn bản");
            assertThat(document.getRow(0).getCell(1).getStringCellValue()).isEqualTo(version.title());
            assertThat(document.getRow(2).getCell(1).getStringCellValue()).as("as Vietnamese documents write it")
                    .isEqualTo("01/10/2025");
            assertThat(document.getRow(6).getCell(1).getStringCellValue()).as("published, on Vietnam's clock")
                    .matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(UTC\\+7\\)");
        }
    }

    @Test
    void pdfHasATitlePageThePlatformsGroupedByOwnerPageNumbersAndEmbeddedFonts() throws Exception {
        Summary version = publish(accounts.token(Role.ADMIN, null), "2025-10-01", List.of("recognised", "in_use"));

        byte[] pdf = client.get().uri("/api/v1/lists/" + version.id() + ".pdf").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String title = stripper.getText(document);
            assertThat(title).contains("DANH SÁCH NỀN TẢNG SỐ QUỐC GIA", version.title(), "Bộ Khoa học và Công nghệ",
                    "Ngày văn bản", "01/10/2025", "Trang 1/" + pages);
            stripper.setStartPage(2);
            stripper.setEndPage(pages);
            String table = stripper.getText(document);
            assertThat(table).contains("Tên nền tảng", "Bộ Công an (BCA)", "Văn phòng Chính phủ (VPCP)",
                    "Cổng dữ liệu quốc gia", "Nền tảng định danh và xác thực điện tử", "Đã công nhận", "Đang sử dụng",
                    "Chính phủ số", "Trang " + pages + "/" + pages);
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    assertThat(font.getName()).contains("LiberationSans");
                }
            }
        }
    }

    @Test
    void noCodeInThePdfIsSplitAcrossLines() throws Exception {
        // dated today: HT-THEO-DOI-NHIEM-VU has no known listing date, so it is listed from today only
        Summary version = publish(accounts.token(Role.ADMIN, null), LocalDate.now(clock).toString(),
                List.of("recognised", "in_use"));
        List<String> codes = detail(version.id()).platforms().stream().map(Entry::platformCode).toList();
        assertThat(codes).as("a long code, as the reference data has").contains("HT-THEO-DOI-NHIEM-VU");

        byte[] pdf = client.get().uri("/api/v1/lists/" + version.id() + ".pdf").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            List<String> words = List.of(stripper.getText(document).split("\\s+"));
            assertThat(words).as("each code whole, on one line").containsAll(codes);
        }
    }

    @Test
    void onlyAnAdministratorMayPublish() throws Exception {
        String reviewer = accounts.token(Role.REVIEWER, null);
        api.post(reviewer, "/api/v1/lists", Map.of("title", "x"), 403);
        api.post(null, "/api/v1/lists", Map.of("title", "x"), 401);
        mvc.perform(post("/lists").with(csrf()).with(user("editor").roles("MINISTRY_EDITOR"))
                .param("title", "x")).andExpect(status().isForbidden());
    }

    @Test
    void aDocumentAlreadyPublishedIsRefusedNamingTheVersionPublishedFromIt() throws Exception {
        String admin = accounts.token(Role.ADMIN, null);
        String number = "8/QĐ-TEST-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = Map.of("title", "Danh sách " + number, "documentNumber", number,
                "documentDate", "2024-07-03", "issuer", "Bộ Khoa học và Công nghệ", "statuses", List.of("in_use"));
        Summary first = json.treeToValue(api.post(admin, "/api/v1/lists", body, 201), Summary.class);
        long before = versions();

        JsonNode refused = api.post(admin, "/api/v1/lists", body, 409);
        assertThat(refused.get("code").asString()).isEqualTo("LIST_DOCUMENT_PUBLISHED");
        assertThat(refused.get("detail").asString()).contains(number, first.id().toString());
        api.post(admin, "/api/v1/lists", Map.of("title", "Bản khác", "documentNumber", " " + number.toLowerCase() + " ",
                "documentDate", "2024-07-04", "issuer", "bộ khoa học  và công nghệ", "statuses", List.of("in_use")), 409);
        assertThat(versions()).isEqualTo(before);

        HtmlPage page = HtmlPage.parse(publishOnPage(number, "03/07/2024", List.of()).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(HtmlPage.text(page.byId("main"))).contains(
                "Chưa công bố được phiên bản: văn bản này đã được công bố thành một phiên bản danh sách.",
                "Văn bản số " + number + " của Bộ Khoa học và Công nghệ đã được công bố thành phiên bản “Danh sách "
                        + number + "” (ngày văn bản 03/07/2024");
        assertThat(page.byId("documentNumber").getAttributeValue("value")).isEqualTo(number);
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aDocumentDateWithAMistypedYearIsRefused() throws Exception {
        long before = versions();
        JsonNode refused = api.post(accounts.token(Role.ADMIN, null), "/api/v1/lists", Map.of("title", "Danh sách thử",
                "documentNumber", number(), "documentDate", "0202-01-01", "issuer", "Bộ Khoa học và Công nghệ"), 400);
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("documentDate");
        assertThat(refused.get("errors").findValuesAsString("message")).singleElement().asString()
                .contains("1900", "2099");

        HtmlPage page = HtmlPage.parse(publishOnPage(number(), "01/01/0202", List.of())
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(HtmlPage.text(page.byId("main"))).contains("Ngày văn bản: bắt buộc", "năm từ 1900 đến 2099");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void missingDocumentFieldsAreNamedAndNothingIsPublished() {
        String admin = accounts.token(Role.ADMIN, null);
        long before = jdbc.sql("select count(*) from list_version").query(Long.class).single();
        JsonNode refused = api.post(admin, "/api/v1/lists", Map.of("title", " ", "documentDate", "2999-01-01"), 400);
        assertThat(refused.get("errors").findValuesAsString("field"))
                .contains("title", "documentNumber", "issuer", "documentDate");
        assertThat(jdbc.sql("select count(*) from list_version").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aMistypedDocumentDateIsExplainedInTheReadersLanguageAndTheFormKeepsWhatWasTyped() throws Exception {
        long before = jdbc.sql("select count(*) from list_version").query(Long.class).single();
        String html = mvc.perform(post("/lists").with(csrf()).with(user(accounts.signedIn(Role.ADMIN, null)))
                        .param("title", "Danh sách thử").param("documentNumber", "2765/BKHCN-CĐSQG")
                        .param("documentDate", "31/02/2026").param("issuer", "Bộ Khoa học và Công nghệ")
                        .param("statuses", "in_use"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        HtmlPage page = HtmlPage.parse(html);
        assertThat(HtmlPage.text(page.byId("main"))).contains(
                "Chưa công bố được phiên bản: có thông tin chưa hợp lệ.",
                "Ngày văn bản: bắt buộc, là một ngày có thật viết theo ngày/tháng/năm (ví dụ 15/07/2023)")
                .doesNotContain("documentDate:", "yyyy-MM-dd");
        assertThat(page.byId("title").getAttributeValue("value")).isEqualTo("Danh sách thử");
        assertThat(page.byId("documentDate").getAttributeValue("value")).isEqualTo("31/02/2026");
        assertThat(jdbc.sql("select count(*) from list_version").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aFormWithNoStatusTickedIsRefusedSayingSoInsteadOfPublishingTheDefault() throws Exception {
        long before = versions();
        String html = mvc.perform(post("/lists").with(csrf()).with(user(accounts.signedIn(Role.ADMIN, null)))
                        .param("title", "Danh sách không trạng thái").param("documentNumber", number())
                        .param("documentDate", "01/07/2025").param("issuer", "Bộ Khoa học và Công nghệ"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        HtmlPage page = HtmlPage.parse(html);
        assertThat(HtmlPage.text(page.byId("main"))).contains("Trạng thái được đưa vào: chưa chọn trạng thái nào;"
                + " hãy đánh dấu ít nhất một trạng thái (thường là “Đã công nhận”).");
        assertThat(page.byId("title").getAttributeValue("value")).isEqualTo("Danh sách không trạng thái");
        assertThat(versions()).isEqualTo(before);
    }

    /** A document number no other test publishes: one document is published once. */
    private static String number() {
        return UUID.randomUUID().toString().substring(0, 6) + "/BKHCN-CĐSQG";
    }

    private ResultActions publishOnPage(String number, String date, List<String> undated) throws Exception {
        MockHttpServletRequestBuilder request = post("/lists").with(csrf())
                .with(user(accounts.signedIn(Role.ADMIN, null)))
                .param("title", "Danh sách thử " + date).param("documentNumber", number)
                .param("documentDate", date).param("issuer", "Bộ Khoa học và Công nghệ").param("statuses", "in_use");
        undated.forEach(code -> request.param("undated", code));
        return mvc.perform(request);
    }

    private long versions() {
        return jdbc.sql("select count(*) from list_version").query(Long.class).single();
    }

    @Test
    void theFormNamesThePlatformsAListDatedBeforeTodayWouldLeaveOutAndPublishesOnlyOnceThatIsConfirmed()
            throws Exception {
        long before = versions();
        String number = number();
        HtmlPage asked = HtmlPage.parse(publishOnPage(number, "01/01/2020", List.of()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(versions()).as("nothing published before it is confirmed").isEqualTo(before);
        assertThat(HtmlPage.text(asked.byId("undated"))).contains(
                "Phiên bản ghi ngày 01/01/2020 sẽ có", "và không có",
                "chưa rõ ngày các nền tảng này được đưa vào danh mục",
                "Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ (e-Cabinet)", "ECABINET",
                "Sổ sức khỏe điện tử", "Đang sử dụng", "hãy ghi ngày đưa vào danh mục")
                .doesNotContain("DVCQG", "HTTTBC-CP");
        List<String> confirmed = asked.elements("input").stream()
                .filter(i -> "undated".equals(i.getAttributeValue("name"))).map(HtmlPage::value).toList();
        assertThat(confirmed).contains("ECABINET", "COVID19-VAX", "SSKDT");
        assertThat(HtmlPage.texts(asked.byId("main"), "button")).anySatisfy(b -> assertThat(b)
                .isEqualTo("Vẫn công bố, không có " + confirmed.size() + " nền tảng chưa rõ ngày"));
        assertThat(asked.byId("title").getAttributeValue("value")).isEqualTo("Danh sách thử 01/01/2020");

        publishOnPage(number, "01/01/2020", List.of("ECABINET")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"undated\"")));
        assertThat(versions()).as("asked again while some are not confirmed").isEqualTo(before);

        String location = publishOnPage(number, "01/01/2020", confirmed).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(versions()).isEqualTo(before + 1);
        HtmlPage version = HtmlPage.parse(client.get().uri(location).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(HtmlPage.text(version.byId("undated"))).contains(
                "Không đưa vào vì chưa rõ ngày đưa vào danh mục",
                "Phiên bản này không có " + confirmed.size() + " nền tảng dưới đây",
                "không biết vào ngày 01/01/2020", "Sổ sức khỏe điện tử");
        HtmlPage english = HtmlPage.parse(client.get().uri(location + "?lang=en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(HtmlPage.text(english.byId("undated"))).contains("Left out: listing date unknown",
                "This version leaves out the " + confirmed.size() + " platforms below", "Electronic health book")
                .doesNotContain("Sổ sức khỏe điện tử");
    }

    @Test
    void theFormPublishesAListDatedTodayWithoutAsking() throws Exception {
        long before = versions();
        String location = publishOnPage(number(), CalendarDates.vietnamese(LocalDate.now(clock)), List.of())
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(versions()).isEqualTo(before + 1);
        client.get().uri(location).exchange().expectStatus().isOk().expectBody(String.class)
                .value(html -> assertThat(html).doesNotContain("id=\"undated\""));
    }

    @Test
    void publicPagesShowTheVersionAndTheDiff() {
        String admin = accounts.token(Role.ADMIN, null);
        Summary early = publish(admin, "2022-01-01", List.of("in_use"));
        Summary later = publish(admin, "2024-06-01", List.of("in_use"));

        client.get().uri("/lists").exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains(later.title()));
        client.get().uri("/lists/" + later.id()).exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains(later.title(),
                        "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)", "/api/v1/lists/" + later.id() + ".pdf"));
        client.get().uri("/lists/" + later.id() + "/diff?against=" + early.id()).exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("Nền tảng được bổ sung",
                        "Nền tảng địa chỉ số quốc gia"));
        HtmlPage englishDiff = HtmlPage.parse(client.get().uri("/lists/" + later.id() + "/diff?against=" + early.id()
                + "&lang=en").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(HtmlPage.texts(englishDiff.byId("main"), "li")).anySatisfy(item -> assertThat(item)
                .startsWith("National digital address platform (DIA-CHI-SO) — "));
        assertThat(HtmlPage.text(englishDiff.byId("main"))).doesNotContain("Nền tảng địa chỉ số quốc gia");
        assertThat(englishDiff.elements("a").stream().filter(a -> "vi".equals(a.getAttributeValue("lang")))
                .map(a -> a.getAttributeValue("hreflang"))).as("only the language switch is Vietnamese")
                .containsExactly("vi");
        client.get().uri("/lists/" + later.id() + "/diff").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).value(html -> assertThat(html)
                        .contains("Phiên bản để so sánh (against)", "bắt buộc: hãy chọn phiên bản để so sánh")
                        .doesNotContain("is required"));
        client.get().uri("/lists/" + later.id() + "/diff?against=khong-phai-ma").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).value(html -> assertThat(html)
                        .contains("Phiên bản để so sánh (against)", "không phải mã của một phiên bản danh sách")
                        .doesNotContain("is not a list version id"));
        client.get().uri("/lists/" + later.id() + "/diff?against=khong-phai-ma&lang=en").accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isBadRequest().expectBody(String.class).value(html -> assertThat(html)
                        .contains("is not the id of a list version"));
        client.get().uri("/api/v1/lists/" + UUID.randomUUID()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("LIST_VERSION_NOT_FOUND");
    }
}
