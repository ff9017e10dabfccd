package vn.ndp.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.cemeteries;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.register;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.with;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.word;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.exchange.UsageStatistics;

/**
 * Local adoption through the API and the pages, as the people who use it:
 * province editors (of Hà Nội, of Hà Giang which merged into Tuyên Quang), the
 * national authority's administrator and reviewer. Each test uses its own
 * provinces or years, as the database is shared.
 */
@RegistryIntegrationTest
class AdoptionApiIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Agencies agencies;

    @Autowired
    AuditLog audit;

    static Map<String, Object> declaration(int year, String kind, Integer version, Object... platformStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("documentKind", kind);
        body.put("documentNumber", kind.equals("none") ? null : "12/KH-UBND");
        body.put("documentDate", kind.equals("none") ? null : year + "-02-15");
        body.put("version", version);
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (int i = 0; i < platformStatus.length; i += 2) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("platform", platformStatus[i]);
            p.put("status", platformStatus[i + 1]);
            p.put("department", "Sở Khoa học và Công nghệ");
            p.put("person", "Nguyễn Thị Hoa");
            p.put("title", "Phó Giám đốc");
            p.put("phone", "0203 3852 123");
            p.put("email", "hoa.nt@example.gov.vn");
            platforms.add(p);
        }
        body.put("platforms", platforms);
        return body;
    }

    static List<JsonNode> plansOf(JsonNode province, int year) {
        List<JsonNode> plans = new ArrayList<>();
        province.get("plans").forEach(p -> {
            if (p.get("plan").get("year").asInt() == year) {
                plans.add(p);
            }
        });
        return plans;
    }

    @Test
    void provinceEditorDeclaresOnlyTheirOwnProvincesPlan() {
        int year = agencies.today().getYear();
        String hanoi = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");

        JsonNode saved = api.put(hanoi, "/api/v1/adoption/provinces/P-HA-NOI/plan",
                declaration(year, "plan", null, "VNEID", "in_use", "DVCQG", "deploying"), 200);
        assertThat(saved.get("platforms")).hasSize(2);
        assertThat(saved.get("platforms").get(0).get("person").asString()).isEqualTo("Nguyễn Thị Hoa");

        JsonNode refused = api.put(hanoi, "/api/v1/adoption/provinces/P-CAO-BANG/plan",
                declaration(year, "plan", null, "VNEID", "in_use"), 403);
        assertThat(refused.get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(plansOf(api.get(null, "/api/v1/adoption/provinces/P-CAO-BANG", 200), year)).isEmpty();
    }

    @Test
    void aFormForgedForAnotherProvinceChangesNothing() throws Exception {
        int year = agencies.today().getYear() - 1;
        String admin = accounts.token(Role.ADMIN, null);
        api.put(admin, "/api/v1/adoption/provinces/P-LANG-SON/plan",
                declaration(year, "decision", null, "NDXP", "planned"),
                200);
        Account hanoi = accounts.create(Role.PROVINCE_EDITOR, "P-HA-NOI");

        int status = mvc.perform(post("/adoption/provinces/P-LANG-SON/plan")
                        .with(user(users.loadUserByUsername(hanoi.username()))).with(csrf())
                        .param("year", String.valueOf(year)).param("version", "0").param("document_kind", "none")
                        .param("status_VNEID", "in_use"))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        JsonNode plan = plansOf(api.get(null, "/api/v1/adoption/provinces/P-LANG-SON", 200), year).getFirst()
                .get("plan");
        assertThat(plan.get("documentKind").asString()).isEqualTo("decision");
        assertThat(plan.get("version").asInt()).isZero();
        assertThat(plan.get("platforms").get(0).get("platform").asString()).isEqualTo("NDXP");
    }

    @Test
    void anEditorOfAMergedProvinceActsForItsSuccessorAndLeavesTheOldPlansAsHistory() {
        int year = agencies.today().getYear();
        String haGiang = accounts.token(accounts.createdBeforeItEnded(Role.PROVINCE_EDITOR, "P-HA-GIANG"));

        api.put(haGiang, "/api/v1/adoption/provinces/P-TUYEN-QUANG-2025/plan",
                declaration(year, "plan", null, "VNEID", "in_use"), 200);
        JsonNode refused = api.put(haGiang, "/api/v1/adoption/provinces/P-HA-GIANG/plan",
                declaration(2024, "plan", null, "VNEID", "in_use"), 409);

        assertThat(refused.get("code").asString()).as("not a matter of permission: the province is no more")
                .isEqualTo("PROVINCE_MERGED");
        assertThat(refused.get("detail").asString()).contains("P-TUYEN-QUANG-2025");
    }

    @Test
    void declarationsOfFormerProvincesRollUpToTheirSuccessorFromTheFirstOfJuly2025() {
        String admin = accounts.token(Role.ADMIN, null);
        api.put(admin, "/api/v1/adoption/provinces/P-HA-GIANG/plan",
                declaration(2018, "decision", null, "NDXP", "in_use"),
                200);
        api.put(admin, "/api/v1/adoption/provinces/P-TUYEN-QUANG/plan",
                declaration(2018, "plan", null, "VNEID", "planned"),
                200);

        JsonNode successor = api.get(null, "/api/v1/adoption/provinces/P-TUYEN-QUANG-2025", 200);
        List<JsonNode> held = plansOf(successor, 2018);
        assertThat(held).hasSize(2);
        assertThat(held).allMatch(h -> h.get("inherited").asBoolean());
        assertThat(held).extracting(h -> h.get("declaredBy").get("code").asString())
                .containsExactlyInAnyOrder("P-HA-GIANG", "P-TUYEN-QUANG");
        assertThat(held).allMatch(h -> h.get("until").asString().equals("2025-06-30"));
        assertThat(plansOf(api.get(null, "/api/v1/adoption/provinces/P-TUYEN-QUANG-2025?asOf=2025-06-30", 200), 2018))
                .isEmpty();

        JsonNode before = api.get(null, "/api/v1/adoption/summary?year=2018&asOf=2018-12-31", 200);
        JsonNode after = api.get(null, "/api/v1/adoption/summary?year=2018&asOf=2025-07-01", 200);
        assertThat(before.get("computed").get("provinces").asInt()).isEqualTo(63);
        assertThat(before.get("computed").get("assigned").asInt()).isEqualTo(2);
        assertThat(after.get("computed").get("provinces").asInt()).isEqualTo(34);
        assertThat(after.get("computed").get("assigned").asInt()).isEqualTo(1);
        assertThat(after.get("computed").get("inPlan").asInt()).isEqualTo(1);
        assertThat(after.get("computed").get("byDecision").asInt()).isEqualTo(1);
        assertThat(after.get("computed").get("deploying").asInt()).isEqualTo(1);
    }

    @Test
    void aProvinceViewedAsOfADateBeforeItWasFormedSaysSoAndShowsNoneOfItsLaterPlans() throws Exception {
        int year = agencies.today().getYear();
        api.put(accounts.token(Role.ADMIN, null), "/api/v1/adoption/provinces/P-LAO-CAI-2025/plan",
                declaration(year, "plan", null, "VNEID", "in_use"), 200);
        assertThat(plansOf(api.get(null, "/api/v1/adoption/provinces/P-LAO-CAI-2025", 200), year)).hasSize(1);

        JsonNode before = api.get(null, "/api/v1/adoption/provinces/P-LAO-CAI-2025?asOf=2024-06-01", 200);
        assertThat(before.get("plans")).isEmpty();
        assertThat(before.get("localPlatforms")).isEmpty();
        JsonNode existence = before.get("existence");
        assertThat(existence.get("state").asString()).isEqualTo("not_yet_formed");
        assertThat(existence.get("formedOn").asString()).isEqualTo("2025-07-01");
        List<String> formedFrom = new ArrayList<>();
        existence.get("formedFrom").forEach(a -> formedFrom.add(a.get("code").asString()));
        assertThat(formedFrom).containsExactlyInAnyOrder("P-LAO-CAI", "P-YEN-BAI");

        HtmlPage page = HtmlPage.parse(mvc.perform(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.get("/adoption/provinces/P-LAO-CAI-2025").param("asOf", "2024-06-01"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.elementsOfClass("article", "plan")).isEmpty();
        assertThat(HtmlPage.text(page.byId("main"))).contains(
                "Vào ngày 01/06/2024, Tỉnh Lào Cai chưa được thành lập: tỉnh, thành phố này được hình thành từ ngày"
                        + " 01/07/2025", "Tỉnh Yên Bái").doesNotContain("Giao dịch qua");
        assertThat(page.elements("a")).extracting(a -> a.getAttributeValue("href"))
                .contains("/adoption/provinces/P-YEN-BAI?asOf=2024-06-01",
                        "/adoption/provinces/P-LAO-CAI?asOf=2024-06-01");
    }

    @Test
    void aProvinceViewedAsOfAPastDateShowsOnlyThePlansAndLocalPlatformsItHadThen() throws Exception {
        String admin = accounts.token(Role.ADMIN, null);
        api.put(admin, "/api/v1/adoption/provinces/P-LAI-CHAU/plan", declaration(2021, "plan", null, "VNEID", "in_use"),
                200);
        Map<String, Object> later = declaration(2022, "decision", null, "NDXP", "planned");
        later.put("documentDate", "2022-02-11");
        api.put(admin, "/api/v1/adoption/provinces/P-LAI-CHAU/plan", later, 200);
        String word = word();
        register(api, accounts.token(Role.PROVINCE_EDITOR, "P-LAI-CHAU"), "P-LAI-CHAU", cemeteries(word));

        JsonNode then = api.get(null, "/api/v1/adoption/provinces/P-LAI-CHAU?asOf=2021-06-01", 200);
        assertThat(plansOf(then, 2021)).hasSize(1);
        assertThat(plansOf(then, 2022)).as("declared on 11/02/2022").isEmpty();
        assertThat(then.get("localPlatforms").toString()).as("registered today").doesNotContain(word);
        JsonNode now = api.get(null, "/api/v1/adoption/provinces/P-LAI-CHAU", 200);
        assertThat(plansOf(now, 2022)).hasSize(1);
        assertThat(now.get("localPlatforms").toString()).contains(word);
        assertThat(plansOf(api.get(null, "/api/v1/adoption/provinces/P-LAI-CHAU?asOf=2022-02-11", 200), 2022))
                .as("shown from its document's date").hasSize(1);

        HtmlPage page = HtmlPage.parse(mvc.perform(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.get("/adoption/provinces/P-LAI-CHAU").param("asOf", "2021-06-01"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.elementsOfClass("article", "plan")).extracting(a -> a.getAttributeValue("data-year"))
                .contains("2021").doesNotContain("2022");
        assertThat(HtmlPage.text(page.byId("main"))).doesNotContain(word)
                .contains("(" + UsageStatistics.RECENT_DAYS + " ngày đến hết ngày 01/06/2021)");
    }

    @Test
    void figuresAsOfADateCountOnlyThePlansTheProvinceShowsOnThatDate() throws Exception {
        Map<String, Object> body = declaration(2015, "decision", null, "VNEID", "in_use");
        body.put("documentDate", "2015-09-10");
        api.put(accounts.token(Role.ADMIN, null), "/api/v1/adoption/provinces/P-BAC-GIANG/plan", body, 200);

        assertThat(plansOf(api.get(null, "/api/v1/adoption/provinces/P-BAC-GIANG?asOf=2015-09-09", 200), 2015))
                .isEmpty();
        JsonNode before = api.get(null, "/api/v1/adoption/summary?year=2015&asOf=2015-09-09", 200);
        JsonNode on = api.get(null, "/api/v1/adoption/summary?year=2015&asOf=2015-09-10", 200);
        assertThat(provinceRow(before, "P-BAC-GIANG").get("level").asString()).isEqualTo("none");
        assertThat(provinceRow(before, "P-BAC-GIANG").get("declaredBy")).isEmpty();
        assertThat(provinceRow(on, "P-BAC-GIANG").get("level").asString()).isEqualTo("in_use");
        for (String kpi : List.of("assigned", "byDecision", "deploying")) {
            assertThat(on.get("computed").get(kpi).asInt() - before.get("computed").get(kpi).asInt()).as(kpi)
                    .isEqualTo(1);
        }
        assertThat(trend2015(api.get(null, "/api/v1/adoption/trend?asOf=2015-12-31", 200)).get("assigned").asInt()
                - trend2015(api.get(null, "/api/v1/adoption/trend?asOf=2015-09-09", 200)).get("assigned").asInt())
                .isEqualTo(1);

        String csv = new String(client.get().uri("/api/v1/adoption/report.csv?year=2015&asOf=2015-09-09").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("P-BAC-GIANG,Tỉnh Bắc Giang,2015,2015-09-09,none,");
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/adoption?year=2015&asOf=2015-09-09")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-province=\"P-BAC-GIANG\" data-level=\"none\"");
    }

    static JsonNode provinceRow(JsonNode summary, String code) {
        for (JsonNode row : summary.get("provinces")) {
            if (row.get("province").get("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(code + " is not in the summary");
    }

    static JsonNode trend2015(JsonNode trend) {
        for (JsonNode year : trend) {
            if (year.get("year").asInt() == 2015) {
                return year.get("computed");
            }
        }
        throw new AssertionError("no 2015 in the trend");
    }

    @Test
    void figuresAsOfAPastDateAreForThatDatesYearUnlessAnotherIsAsked() {
        assertThat(api.get(null, "/api/v1/adoption/summary?asOf=2024-01-01", 200).get("year").asInt())
                .isEqualTo(2024);
        assertThat(api.get(null, "/api/v1/adoption/summary?asOf=2024-01-01&year=2023", 200).get("year").asInt())
                .isEqualTo(2023);
        assertThat(api.get(null, "/api/v1/adoption/summary", 200).get("year").asInt())
                .isEqualTo(agencies.today().getYear());
    }

    @Test
    void aMergedProvinceViewedAfterItsLastDaySaysWhichProvinceItWentInto() {
        JsonNode after = api.get(null, "/api/v1/adoption/provinces/P-YEN-BAI?asOf=2025-07-01", 200);
        assertThat(after.get("existence").get("state").asString()).isEqualTo("ended");
        assertThat(after.get("existence").get("endedOn").asString()).isEqualTo("2025-07-01");
        assertThat(after.get("existence").get("change").asString()).isEqualTo("merged");
        assertThat(after.get("existence").get("successor").get("code").asString()).isEqualTo("P-LAO-CAI-2025");
        assertThat(api.get(null, "/api/v1/adoption/provinces/P-YEN-BAI?asOf=2025-06-30", 200)
                .get("existence").get("state").asString()).isEqualTo("existing");
    }

    @Test
    void aStaleVersionIsRefusedAndTheConflictNamesWhatChanged() {
        int year = agencies.today().getYear();
        String sonLa = accounts.token(Role.PROVINCE_EDITOR, "P-SON-LA");
        String colleague = accounts.token(Role.PROVINCE_EDITOR, "P-SON-LA");
        api.put(sonLa, "/api/v1/adoption/provinces/P-SON-LA/plan", declaration(year, "plan", null, "VNEID", "planned"),
                200);
        api.put(colleague, "/api/v1/adoption/provinces/P-SON-LA/plan",
                declaration(year, "plan", 0, "VNEID", "in_use"), 200);

        JsonNode conflict = api.put(sonLa, "/api/v1/adoption/provinces/P-SON-LA/plan",
                declaration(year, "plan", 0, "VNEID", "deploying"), 409);

        assertThat(conflict.get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(conflict.get("detail").asString()).contains("version 1").contains("status of VNEID is in_use");
        JsonNode kept = plansOf(api.get(null, "/api/v1/adoption/provinces/P-SON-LA", 200), year).getFirst().get("plan");
        assertThat(kept.get("platforms").get(0).get("status").asString()).isEqualTo("in_use");
    }

    @Test
    void aPlatformDeclaredWithoutADepartmentOrAResponsiblePersonIsRefusedNamingIt() {
        String admin = accounts.token(Role.ADMIN, null);
        Map<String, Object> body = declaration(2019, "none", null, "NDXP", "planned", "VNEID", "in_use");
        @SuppressWarnings("unchecked")
        Map<String, Object> vneid = ((List<Map<String, Object>>) body.get("platforms")).get(1);
        vneid.put("department", " ");
        vneid.remove("person");

        JsonNode problem = api.put(admin, "/api/v1/adoption/provinces/P-DIEN-BIEN/plan", body, 400);

        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString() + ": " + e.get("message").asString()));
        assertThat(fields).containsExactly("platforms[1].department: is required for VNEID: the provincial department"
                + " that answers for the platform.", "platforms[1].person: is required for VNEID: the person"
                + " responsible for the platform.");
        assertThat(plansOf(api.get(null, "/api/v1/adoption/provinces/P-DIEN-BIEN", 200), 2019)).isEmpty();
    }

    @Test
    void badDeclarationsAreOneProblemNamingEachField() {
        String admin = accounts.token(Role.ADMIN, null);
        Map<String, Object> body = declaration(2019, "plan", null, "NO-SUCH-PLATFORM", "in_use", "VNEID", "forever");
        body.put("documentNumber", null);

        JsonNode problem = api.put(admin, "/api/v1/adoption/provinces/P-DIEN-BIEN/plan", body, 400);

        assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(problem.get("errors").toString()).contains("platforms[1].status").contains("document_number")
                .contains("platforms[0].platform");
        api.put(admin, "/api/v1/adoption/provinces/P-DIEN-BIEN/plan", Map.of(), 400);
    }

    @Test
    void aLocalPlatformDuplicatingANationalOneIsShownAndSavedOnlyWithAReason() {
        String daNang = accounts.token(Role.PROVINCE_EDITOR, "P-DA-NANG-2025");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameVi", "Nền tảng tích hợp, chia sẻ dữ liệu thành phố Đà Nẵng (LGSP)");
        body.put("description", "Tích hợp, chia sẻ dữ liệu giữa các hệ thống thông tin của thành phố, kết nối trục"
                + " NDXP quốc gia.");
        body.put("functions", List.of("Tích hợp, chia sẻ dữ liệu", "Kết nối các cơ sở dữ liệu"));
        body.put("category", "government");

        JsonNode check = api.post(daNang, "/api/v1/adoption/provinces/P-DA-NANG-2025/local-platforms/check", body,
                200);
        assertThat(check.get("needsConfirmation").asBoolean()).isTrue();
        assertThat(check.get("national").toString()).contains("NDXP");

        JsonNode refused = api.post(daNang, "/api/v1/adoption/provinces/P-DA-NANG-2025/local-platforms", body, 409);
        assertThat(refused.get("code").asString()).isEqualTo("OVERLAP_NOT_CONFIRMED");
        assertThat(refused.get("errors").toString()).contains("NDXP");
        body.put("saveAnyway", true);
        api.post(daNang, "/api/v1/adoption/provinces/P-DA-NANG-2025/local-platforms", body, 400);
        body.put("reason", "Thành phố cần LGSP riêng theo Thông tư 13/2017/TT-BTTTT.");
        JsonNode saved = api.post(daNang, "/api/v1/adoption/provinces/P-DA-NANG-2025/local-platforms", body, 201);

        assertThat(saved.get("kind").asString()).isEqualTo("local");
        assertThat(saved.get("overlapMatches").toString()).contains("NDXP");
        assertThat(api.get(null, "/api/v1/adoption/provinces/P-DA-NANG-2025/local-platforms", 200).toString())
                .contains("LGSP").contains("Thông tư 13/2017");
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.LOCAL_PLATFORM_REGISTERED, null,
                "province:P-DA-NANG-2025", null, null), 10, 0)).isNotEmpty();
    }

    @Test
    void aProvinceCheckingRightAfterAnotherRegisteredTheSameSystemIsShownItAsADuplicate() {
        String daNang = accounts.token(Role.PROVINCE_EDITOR, "P-DA-NANG-2025");
        String hanoi = accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI");
        Map<String, Object> body = cemeteries(word());

        JsonNode saved = register(api, daNang, "P-DA-NANG-2025", body);
        JsonNode check = api.post(hanoi, "/api/v1/adoption/provinces/P-HA-NOI/local-platforms/check", body, 200);

        assertThat(check.get("local").toString()).contains(saved.get("code").asString());
        assertThat(check.get("local").get(0).get("code").asString()).isEqualTo(saved.get("code").asString());
        assertThat(check.get("local").get(0).get("verdict").asString()).isEqualTo("duplicate");
        assertThat(check.get("needsConfirmation").asBoolean()).as("another province may run its own").isFalse();
    }

    @Test
    void aSystemLikeOneTheProvinceRegisteredNeedsAReasonAndTheSameOneIsRefusedEvenWithOne() {
        String hue = accounts.token(Role.PROVINCE_EDITOR, "P-HUE");
        Map<String, Object> body = cemeteries(word());
        JsonNode first = register(api, hue, "P-HUE", body);

        Map<String, Object> second = with(body, "nameVi", body.get("nameVi") + " khu mới");
        JsonNode check = api.post(hue, "/api/v1/adoption/provinces/P-HUE/local-platforms/check", second, 200);
        assertThat(check.get("needsConfirmation").asBoolean()).isTrue();
        JsonNode refused = api.post(hue, "/api/v1/adoption/provinces/P-HUE/local-platforms", second, 409);
        assertThat(refused.get("code").asString()).isEqualTo("OVERLAP_NOT_CONFIRMED");
        assertThat(refused.get("detail").asString()).contains("duplicates the province's own");
        assertThat(refused.get("errors").toString()).contains(first.get("code").asString());

        Map<String, Object> sameName = with(body, "nameVi", "  " + ((String) body.get("nameVi")).toUpperCase(Locale.ROOT)
                .replace(" ", "  ") + " ", "saveAnyway", true, "reason", "Gửi lại biểu mẫu.");
        JsonNode twice = api.post(hue, "/api/v1/adoption/provinces/P-HUE/local-platforms", sameName, 400);
        assertThat(twice.get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(twice.get("errors").get(0).get("field").asString()).isEqualTo("nameVi");
        assertThat(twice.get("errors").get(0).get("message").asString()).contains("already in the province's register")
                .contains(first.get("code").asString());

        register(api, hue, "P-HUE", with(second, "reason", "Hệ thống thứ hai, cho khu nghĩa trang mới."));
        assertThat(LocalPlatformFixtures.names(api, "P-HUE")).containsOnlyOnce((String) body.get("nameVi"));
    }

    @Test
    void aProvinceProposesAndTheAuthorityDeclinesWithAReason() {
        String quangNgai = accounts.token(Role.PROVINCE_EDITOR, "P-QUANG-NGAI-2025");
        String reviewer = accounts.token(Role.REVIEWER, null);
        JsonNode proposal = api.post(quangNgai, "/api/v1/adoption/provinces/P-QUANG-NGAI-2025/proposals",
                Map.of("name", "Nền tảng quản lý du lịch thông minh", "reason", "Nhu cầu chung của các tỉnh ven biển."),
                201);
        String id = proposal.get("id").asString();
        api.post(reviewer, "/api/v1/adoption/provinces/P-QUANG-NGAI-2025/proposals",
                Map.of("name", "x", "reason", "y"), 403);

        JsonNode declined = api.post(reviewer, "/api/v1/adoption/proposals/" + id + "/decision",
                Map.of("decision", "decline", "reason", "Đã có nền tảng tương đương.", "version", 0), 200);

        assertThat(declined.get("status").asString()).isEqualTo("declined");
        assertThat(declined.get("decisionReason").asString()).isEqualTo("Đã có nền tảng tương đương.");
        api.post(reviewer, "/api/v1/adoption/proposals/" + id + "/decision",
                Map.of("decision", "accept", "reason", "Đổi ý.", "version", 1), 409);
    }

    @Test
    void reportsSayWhatIsComputedAndListEveryProvince() throws Exception {
        String admin = accounts.token(Role.ADMIN, null);
        api.put(admin, "/api/v1/adoption/provinces/P-BAC-KAN/plan", declaration(2017, "plan", null, "VNEID", "in_use"),
                200);

        byte[] csvBytes = client.get().uri("/api/v1/adoption/report.csv?year=2017&asOf=2017-12-31").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(csvBytes).startsWith(0xEF, 0xBB, 0xBF); // the BOM Excel needs to read UTF-8
        String csv = new String(csvBytes, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFprovince_code,province_name,year,as_of,level");
        assertThat(csv.lines().count()).isEqualTo(64);
        assertThat(csv).contains("P-BAC-KAN,Tỉnh Bắc Kạn,2017,2017-12-31,in_use,true,true,false,true,P-BAC-KAN,1,0,0");

        byte[] xlsx = client.get().uri("/api/v1/adoption/report.xlsx?year=2017&asOf=2017-12-31").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Tổng hợp");
            assertThat(book.getSheet("Tổng hợp").getRow(4).getCell(1).getStringCellValue())
                    .isEqualTo("Tính từ dữ liệu");
            Sheet provinces = book.getSheet("Địa phương");
            assertThat(provinces.getPhysicalNumberOfRows()).as("two heading rows and 63 provinces").isEqualTo(65);
            assertThat(provinces.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Tên tỉnh, thành phố");
            assertThat(provinces.getRow(1).getCell(1).getStringCellValue()).isEqualTo("province_name");
            assertThat(provinces.getRow(0).getLastCellNum()).as("a heading for every column")
                    .isEqualTo(provinces.getRow(1).getLastCellNum());
            assertThat(book.getSheet("Nền tảng").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã nền tảng");
        }

        byte[] pdf = client.get().uri("/api/v1/adoption/report.pdf?year=2017&asOf=2017-12-31").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("TRIỂN KHAI NỀN TẢNG SỐ QUỐC GIA TẠI ĐỊA PHƯƠNG").contains("Năm 2017")
                    .contains("Tính từ dữ liệu").contains("Bắc Kạn").contains("Bản đồ mức độ triển khai");
        }
    }

    @Test
    void theDashboardShowsSixtyThreeTilesBeforeTheMergerAndThirtyFourAfter() throws Exception {
        String before = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/adoption?year=2024&asOf=2024-06-01")).andReturn().getResponse().getContentAsString();
        String after = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/adoption?year=2025&asOf=" + LocalDate.of(2025, 7, 1))).andReturn().getResponse()
                .getContentAsString();

        assertThat(before.split("data-province=").length - 1).isEqualTo(63);
        assertThat(after.split("data-province=").length - 1).isEqualTo(34);
        assertThat(before).contains("data-province=\"P-HA-GIANG\"").contains("Tính từ dữ liệu").contains("Công bố");
        assertThat(after).contains("data-province=\"P-TUYEN-QUANG-2025\"").doesNotContain("data-province=\"P-HA-GIANG\"");
        assertThat(HtmlPage.parse(after).elements("table").stream()
                .map(table -> HtmlPage.texts(table, "th").subList(0, 2)).filter(h -> h.getFirst().equals("Nền tảng")))
                .as("the platform chart's table counts provinces, and says so").containsExactly(
                        List.of("Nền tảng", "Số tỉnh, thành phố"));
    }

    @Test
    void theEnglishProvincePageNamesProvincesInEnglish() throws Exception {
        api.put(accounts.token(Role.ADMIN, null), "/api/v1/adoption/provinces/P-HA-GIANG/plan",
                declaration(2016, "plan", null, "VNEID", "in_use"), 200);

        HtmlPage page = HtmlPage.parse(mvc.perform(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.get("/adoption/provinces/P-TUYEN-QUANG-2025").param("lang", "en"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(HtmlPage.text(page.elements("title").getFirst())).startsWith("Tuyen Quang Province — ");
        assertThat(HtmlPage.text(page.byId("main"))).contains("from Ha Giang Province (until 30 Jun 2025)",
                "Transactions per day of the systems of Tuyen Quang Province").doesNotContain("Tỉnh");
    }
}
