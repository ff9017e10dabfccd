package vn.ndp.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.adoption.AdoptionDesk;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.adoption.DocumentKind;
import vn.ndp.registry.adoption.LocalPlatform;
import vn.ndp.registry.adoption.LocalPlatforms;
import vn.ndp.registry.adoption.PlanDeclaration;
import vn.ndp.registry.adoption.PlatformAdoption;
import vn.ndp.registry.adoption.Responsibility;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.CatalogueCsv;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.PlatformImport;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.support.Priority;
import vn.ndp.registry.support.SupportDesk;
import vn.ndp.registry.support.SupportRequest;

/**
 * On an English page every Vietnamese text shown (a name with no English name, an operator, a legal basis, a
 * person's name, a reason) stands inside an element marked {@code lang="vi"}, so that screen readers and translators
 * read it as Vietnamese; on the Vietnamese page, already {@code lang="vi"} as a whole, nothing is marked again. The
 * platforms and agencies here have Vietnamese names only.
 */
@RegistryIntegrationTest
class VietnameseTextOnEnglishPagesIntegrationTests {

    /** A province no other test declares plans for (a plan per province and year is shared by the whole run). */
    static final String PROVINCE = "P-QUANG-NINH";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Agencies agencies;

    @Autowired
    PlatformImport platformImport;

    @Autowired
    SupportDesk support;

    @Autowired
    AdoptionDesk adoption;

    @Autowired
    LocalPlatforms localPlatforms;

    @Autowired
    TestAccounts accounts;

    /** Test data with Vietnamese names only, unique to one test. */
    record Data(String suffix, String owner, String ownerName, String predecessorName, String platform,
            String platformName, String bilingual, String operator, String description, String legalBasis) {
    }

    @Test
    void thePlatformPageMarksItsNameOwnerOperatorLegalBasisAndEarlierOwners() throws Exception {
        Data d = data();

        String english = page(get("/platforms/" + d.platform()).param("lang", "en"));

        assertVietnameseMarked(english, d.platformName(), d.ownerName(), d.operator(), d.description(),
                d.legalBasis());
        assertNothingMarked(page(get("/platforms/" + d.platform()).param("lang", "vi")));
    }

    @Test
    void thePlatformPageMarksARelatedPlatformWithoutAnEnglishName() throws Exception {
        Data d = data();

        String english = page(get("/platforms/" + d.bilingual()).param("lang", "en"));

        assertThat(english).contains("Bilingual platform " + d.suffix());
        assertVietnameseMarked(english, d.platformName());
        assertNothingMarked(page(get("/platforms/" + d.bilingual()).param("lang", "vi")));
    }

    @Test
    void theAgencyPageMarksItsNameItsPlatformsAndItsPredecessors() throws Exception {
        Data d = data();

        String english = page(get("/agencies/" + d.owner()).param("lang", "en"));

        assertVietnameseMarked(english, d.ownerName(), d.platformName(), d.predecessorName(),
                "Nghị quyết thử " + d.suffix(), "Hợp nhất để thử " + d.suffix());
        assertNothingMarked(page(get("/agencies/" + d.owner()).param("lang", "vi")));
    }

    @Test
    void searchResultsMarkTheNameOwnerAndExcerptOfAPlatformWithoutEnglish() throws Exception {
        Data d = data();

        String english = page(get("/platforms").param("q", d.suffix()).param("lang", "en"));

        assertVietnameseMarked(english, d.platformName(), d.ownerName(), d.description());
        assertNothingMarked(page(get("/platforms").param("q", d.suffix()).param("lang", "vi")));
    }

    @Test
    void theOverlapCheckMarksAMatchsVietnameseNameAndDescription() throws Exception {
        Data d = data();

        String english = page(get("/overlap").param("name", d.platformName()).param("lang", "en"));

        assertThat(english).contains("/platforms/" + d.platform());
        assertVietnameseMarked(english, d.platformName(), d.description());
        assertNothingMarked(page(get("/overlap").param("name", d.platformName()).param("lang", "vi")));
    }

    @Test
    void aSupportRequestMarksItsSubjectTextPlatformOperatorAndThePeopleInIt() throws Exception {
        Data d = data();
        Account editor = accounts.create(Role.PROVINCE_EDITOR, PROVINCE);
        String subject = "Không đăng nhập được " + d.suffix();
        String description = "Người dùng không nhận được mã xác thực " + d.suffix();
        SupportRequest request = support.open(CurrentUser.of(editor),
                new SupportDesk.NewRequest(d.platform(), subject, description, Priority.HIGH, List.of()));
        UserDetails signedIn = accounts.signedIn(editor);

        String english = page(get("/support/" + request.id()).param("lang", "en").with(user(signedIn)));

        assertVietnameseMarked(english, subject, description, d.platformName(), d.operator(),
                TestAccounts.displayName(editor.username()));
        assertNothingMarked(page(get("/support/" + request.id()).param("lang", "vi").with(user(signedIn))));
        assertVietnameseMarked(page(get("/support").param("lang", "en").with(user(signedIn))), subject,
                d.platformName());
    }

    @Test
    void accountPagesMarkPeoplesNames() throws Exception {
        Account editor = accounts.create(Role.PROVINCE_EDITOR, PROVINCE);
        Account admin = accounts.create(Role.ADMIN, null);
        String editorName = TestAccounts.displayName(editor.username());

        assertVietnameseMarked(page(get("/account").param("lang", "en").with(user(accounts.signedIn(editor)))),
                editorName);
        assertNothingMarked(page(get("/account").param("lang", "vi").with(user(accounts.signedIn(editor)))));
        String adminPage = page(get("/admin/accounts").param("lang", "en").with(user(accounts.signedIn(admin))));
        assertVietnameseMarked(adminPage, editorName, TestAccounts.displayName(admin.username()));
        assertNothingMarked(page(get("/admin/accounts").param("lang", "vi").with(user(accounts.signedIn(admin)))));
    }

    @Test
    void adoptionPlanPagesMarkThePlatformTheResponsiblePersonAndTheTasks() throws Exception {
        Data d = data();
        Account editor = accounts.create(Role.PROVINCE_EDITOR, PROVINCE);
        int year = agencies.today().getYear();
        String department = "Sở Khoa học và Công nghệ " + d.suffix();
        String person = "Nguyễn Văn Thử " + d.suffix();
        String title = "Phó Giám đốc " + d.suffix();
        String target = "Kết nối toàn bộ xã " + d.suffix();
        String progress = "Đã kết nối một nửa " + d.suffix();
        PlatformAdoption row = new PlatformAdoption(d.platform(), AdoptionStatus.DEPLOYING,
                new Responsibility(department, person, title, null, null), target, progress);
        adoption.declare(CurrentUser.of(editor), PROVINCE, new PlanDeclaration(year, DocumentKind.PLAN,
                "12/KH-UBND", agencies.today(), "Kế hoạch chuyển đổi số " + d.suffix(),
                "Mục tiêu chung " + d.suffix(), "Tiến độ chung " + d.suffix(), List.of(row)), null);
        UserDetails signedIn = accounts.signedIn(editor);

        String english = page(get("/adoption/provinces/" + PROVINCE).param("lang", "en"));

        String editorName = TestAccounts.displayName(editor.username());
        assertVietnameseMarked(english, d.platformName(), department, person, title, target, progress,
                "Kế hoạch chuyển đổi số " + d.suffix(), "Mục tiêu chung " + d.suffix(),
                "Tiến độ chung " + d.suffix(), editorName);
        assertNothingMarked(page(get("/adoption/provinces/" + PROVINCE).param("lang", "vi")));
        String form = page(get("/adoption/provinces/" + PROVINCE + "/plan").param("year", String.valueOf(year))
                .param("lang", "en").with(user(signedIn)));
        assertVietnameseMarked(form, d.platformName());
        assertNothingMarked(page(get("/adoption/provinces/" + PROVINCE + "/plan")
                .param("year", String.valueOf(year)).param("lang", "vi").with(user(signedIn))));
        // a search for a platform to add offers each found one on a button: "Add: NAME (CODE)"
        for (String lang : List.of("en", "vi")) {
            String found = page(post("/adoption/provinces/" + PROVINCE + "/plan").param("year", String.valueOf(year))
                    .param("action", "find").param("find", d.platform()).param("lang", lang).with(csrf())
                    .with(user(signedIn)));
            assertThat(found).contains("name=\"add\" value=\"" + d.platform() + "\"");
            if (lang.equals("en")) {
                assertVietnameseMarked(found, d.platformName());
            } else {
                assertNothingMarked(found);
            }
        }
        // a plan saved by someone else meanwhile: "Updated by PERSON on ..."
        String stale = mvc.perform(post("/adoption/provinces/" + PROVINCE + "/plan")
                        .param("year", String.valueOf(year)).param("version", "7").param("document_kind", "none")
                        .param("lang", "en").with(csrf()).with(user(signedIn)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertVietnameseMarked(stale, editorName);
    }

    @Test
    void theAdoptionReportMarksThePlatformItsChartNames() throws Exception {
        Data d = data();
        Account editor = accounts.create(Role.PROVINCE_EDITOR, PROVINCE);
        // next year's plan: this year's is declared by the plan pages' test
        String year = String.valueOf(agencies.today().getYear() + 1);
        PlatformAdoption row = new PlatformAdoption(d.platform(), AdoptionStatus.DEPLOYING,
                new Responsibility("Sở thử " + d.suffix(), "Người thử " + d.suffix(), null, null, null), null, null);
        adoption.declare(CurrentUser.of(editor), PROVINCE, new PlanDeclaration(Integer.parseInt(year),
                DocumentKind.NONE, null, null, null, null, null, List.of(row)), null);

        String english = page(get("/adoption").param("year", year).param("lang", "en"));

        assertThat(HtmlPage.parse(english).elementsOfClass("text", "bar-label")).extracting(HtmlPage::text)
                .as("the platform's bar").contains(d.platformName());
        assertVietnameseMarked(english, d.platformName());
        assertNothingMarked(page(get("/adoption").param("year", year).param("lang", "vi")));
    }

    @Test
    void aLocalPlatformsPagesMarkWhoRegisteredChangedAndRemovedItAndWhy() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Account editor = accounts.create(Role.PROVINCE_EDITOR, PROVINCE);
        LocalPlatform registered = localPlatforms.register(CurrentUser.of(editor), PROVINCE,
                new LocalPlatform.Draft("Hệ thống quản lý bến cảng thử " + suffix, null, null, List.of(),
                        Category.ECONOMY, PlatformType.INFORMATION_SYSTEM, AdoptionStatus.IN_USE, null, null),
                false, null);
        String why = "Đã thay bằng hệ thống dùng chung " + suffix;
        localPlatforms.remove(CurrentUser.of(editor), PROVINCE, registered.id(), registered.version(), why);
        String editorName = TestAccounts.displayName(editor.username());
        String uri = "/adoption/provinces/" + PROVINCE + "/local-platforms/" + registered.id();

        assertVietnameseMarked(page(get(uri).param("lang", "en")), editorName, why);
        assertNothingMarked(page(get(uri).param("lang", "vi")));
        assertVietnameseMarked(page(get("/adoption/provinces/" + PROVINCE).param("lang", "en")), why);
    }

    @Test
    void aMergedProvincesPagesMarkTheProvincesTheyName() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String old = "P-VI-OLD-" + suffix;
        String merged = "P-VI-NEW-" + suffix;
        String oldName = "Tỉnh Cũ Thử " + suffix;
        String oldShort = "Cũ Thử " + suffix;
        String mergedName = "Tỉnh Mới Thử " + suffix;
        // long ago, so that no count of today's (or any other test's) provinces meets them
        jdbc.sql("""
                insert into agency (code, kind, name_vi, short_name, valid_from, valid_to, source)
                values (?, 'PROVINCE', ?, ?, date '2001-01-01', date '2001-12-31', 'test'),
                       (?, 'PROVINCE', ?, ?, date '2002-01-01', date '2002-12-31', 'test')""")
                .params(old, oldName, oldShort, merged, mergedName, "Mới Thử " + suffix).update();
        jdbc.sql("""
                insert into agency_succession (predecessor_code, successor_code, effective_date, kind, main,
                    legal_basis, note, source)
                values (?, ?, date '2002-01-01', 'MERGED', true, null, null, 'test')""").params(old, merged).update();
        agencies.refresh();
        Account admin = accounts.create(Role.ADMIN, null);
        adoption.declare(CurrentUser.of(admin), old, new PlanDeclaration(2001, DocumentKind.NONE, null, null, null,
                null, null, List.of()), null);
        LocalPlatform local = localPlatforms.register(CurrentUser.of(admin), old,
                new LocalPlatform.Draft("Hệ thống thử của tỉnh cũ " + suffix, null, null, List.of(),
                        Category.SOCIETY, PlatformType.APPLICATION, AdoptionStatus.STOPPED, null, null),
                false, null);

        // "From 01/01/2002 the province became part of NAME"; "See NAME"
        assertVietnameseMarked(page(get("/adoption/provinces/" + old).param("lang", "en")), mergedName);
        assertNothingMarked(page(get("/adoption/provinces/" + old).param("lang", "vi")));
        assertVietnameseMarked(page(get("/adoption/provinces/" + old + "/local-platforms/" + local.id())
                .param("lang", "en")), mergedName);
        // "On 01/06/2001, NAME did not exist yet"
        assertVietnameseMarked(page(get("/adoption/provinces/" + merged).param("asOf", "2001-06-01")
                .param("lang", "en")), mergedName);
        // an inherited plan: "from SHORT NAME (until 31/12/2001)"
        assertVietnameseMarked(page(get("/adoption/provinces/" + merged).param("asOf", "2002-06-01")
                .param("lang", "en")), oldShort);
        assertNothingMarked(page(get("/adoption/provinces/" + merged).param("asOf", "2002-06-01")
                .param("lang", "vi")));
        // the plan form's heading: "NAME: plan for 2001"
        assertVietnameseMarked(page(get("/adoption/provinces/" + old + "/plan").param("year", "2001")
                .param("lang", "en").with(user(accounts.signedIn(admin)))), oldName);
    }

    @Test
    void theNoticeOfAMergedAgencyAndOfAReminderMarkTheAgencyTheyName() throws Exception {
        Data d = data();

        // "... from 01/01/2025 it was merged into NAME"
        assertVietnameseMarked(page(get("/agencies/VI-OLD-" + d.suffix()).param("lang", "en")), d.ownerName());

        String ministry = "VI-BO-" + d.suffix();
        String ministryName = "Bộ Thử Nghiệm " + d.suffix();
        // a ministry of long ago, which no count of today's ministries meets
        jdbc.sql("""
                insert into agency (code, kind, name_vi, valid_from, valid_to, source)
                values (?, 'MINISTRY', ?, date '2001-01-01', date '2001-12-31', 'test')""")
                .params(ministry, ministryName).update();
        agencies.refresh();
        Account editor = accounts.createdBeforeItEnded(Role.MINISTRY_EDITOR, ministry);
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        var reminded = mvc.perform(post("/accountability/" + ministry + "/remind").with(csrf()).with(user(reviewer)))
                .andReturn().getFlashMap();
        assertVietnameseMarked(page(get("/accountability").param("lang", "en").flashAttrs(reminded)
                .with(user(reviewer))), ministryName);
        assertNothingMarked(page(get("/accountability").param("lang", "vi").flashAttrs(reminded)
                .with(user(reviewer))));
        // the reminder itself: "Please announce the digital platforms of NAME"
        assertVietnameseMarked(page(get("/notifications").param("lang", "en").with(user(accounts.signedIn(editor)))),
                ministryName);
        assertNothingMarked(page(get("/notifications").param("lang", "vi").with(user(accounts.signedIn(editor)))));
    }

    @Test
    void aNoticeMarksThePlatformAndTheSubjectItsEnglishTextQuotes() throws Exception {
        Data d = data();
        Account operator = accounts.create(Role.OPERATOR, null, d.platform());
        Account editor = accounts.create(Role.PROVINCE_EDITOR, PROVINCE);
        String subject = "Không tải được biểu mẫu " + d.suffix();
        support.open(CurrentUser.of(editor), new SupportDesk.NewRequest(d.platform(), subject,
                "Biểu mẫu báo lỗi khi tải về " + d.suffix(), Priority.HIGH, List.of()));
        UserDetails signedIn = accounts.signedIn(operator);

        // "New support request about NAME (CODE): SUBJECT"
        assertVietnameseMarked(page(get("/notifications").param("lang", "en").with(user(signedIn))), subject,
                d.platformName());
        assertNothingMarked(page(get("/notifications").param("lang", "vi").with(user(signedIn))));
    }

    @Test
    void theStatisticsAndHomePagesMarkOwnersFigureLabelsAndSourcesWithoutEnglish() throws Exception {
        Data d = data();
        String counted = "Số nền tảng thử của cơ quan " + d.suffix();
        String overall = "Chỉ tiêu chung thử " + d.suffix();
        String source = "Nghị quyết nguồn thử " + d.suffix();
        String key = "test.vi." + d.suffix();
        // a figure per owner (the statistics page) and one overall (the home page too), in Vietnamese only
        jdbc.sql("""
                insert into programme_figure (key, dimension, label_vi, label_en, value, unit, as_of, document, source)
                values (?, ?, ?, null, 7, 'platforms', date '2024-01-01', null, ?),
                       (?, '', ?, null, 8, 'platforms', date '2024-01-01', null, ?)""")
                .params(key, d.owner(), counted, source + " https://example.gov.vn/a", key, overall, source).update();
        try {
            String statistics = page(get("/statistics").param("lang", "en"));
            assertVietnameseMarked(statistics, d.ownerName(), counted, overall, source);
            assertThat(HtmlPage.parse(statistics).elementsOfClass("text", "bar-label")).extracting(HtmlPage::text)
                    .as("the owner's bar").contains(d.ownerName());
            assertNothingMarked(page(get("/statistics").param("lang", "vi")));
            assertVietnameseMarked(page(get("/").param("lang", "en")), overall, source);
            assertNothingMarked(page(get("/").param("lang", "vi")));
        } finally {
            jdbc.sql("delete from programme_figure where key = ?").params(key).update();
        }
    }

    /**
     * An agency with no English name formed by merging another, owning a platform with no English name; a
     * bilingual platform that uses it.
     */
    private Data data() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String owner = "VI-" + suffix;
        String predecessor = "VI-OLD-" + suffix;
        String ownerName = "Trung tâm Chuyển đổi số Thử " + suffix;
        String predecessorName = "Cục Tiền thân Thử " + suffix;
        jdbc.sql("""
                insert into agency (code, kind, name_vi, valid_from, valid_to, source)
                values (?, 'OTHER', ?, null, date '2024-12-31', 'test'),
                       (?, 'OTHER', ?, date '2025-01-01', null, 'test')""")
                .params(predecessor, predecessorName, owner, ownerName).update();
        jdbc.sql("""
                insert into agency_succession (predecessor_code, successor_code, effective_date, kind, main,
                    legal_basis, note, source)
                values (?, ?, date '2025-01-01', 'MERGED', true, ?, ?, 'test')""")
                .params(predecessor, owner, "Nghị quyết thử " + suffix, "Hợp nhất để thử " + suffix).update();
        agencies.refresh();
        String platform = "VI-A-" + suffix;
        String platformName = "Nền tảng chỉ có tên tiếng Việt " + suffix;
        String bilingual = "VI-B-" + suffix;
        String operator = "Trung tâm Vận hành Thử " + suffix;
        String description = "Mô tả chỉ bằng tiếng Việt " + suffix;
        String legalBasis = "Quyết định " + suffix + "/QĐ-THỬ";
        byte[] csv = CatalogueCsv.of(platform + "," + platformName + ",," + owner + ",government,platform,central,"
                + "in_use," + description + ",," + operator + "," + legalBasis + ",,",
                bilingual + ",Nền tảng song ngữ " + suffix + ",Bilingual platform " + suffix
                + ",BTC,government,platform,central,in_use,,,,,,");
        var report = platformImport.importFile("vi.csv", csv, PlatformImport.Progress.NONE, "import (tester)");
        assertThat(report.created()).isEqualTo(2);
        jdbc.sql("insert into platform_relation (from_code, to_code, kind, source) values (?, ?, 'USES', 'test')")
                .params(bilingual, platform).update();
        return new Data(suffix, owner, ownerName, predecessorName, platform, platformName, bilingual, operator,
                description, legalBasis);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * Each text is on the English page, and wherever its body shows it, the nearest element with a {@code lang}
     * says "vi" (the page itself says "en").
     */
    static void assertVietnameseMarked(String html, String... texts) {
        HtmlPage page = HtmlPage.parse(html);
        assertThat(page.elements("html").getFirst().getAttributeValue("lang")).isEqualTo("en");
        Element body = page.elements("body").getFirst();
        for (String text : texts) {
            List<Element> shown = innermost(body, text);
            assertThat(shown).as("the page shows %s", text).isNotEmpty();
            assertThat(shown).as("every place showing %s is marked Vietnamese", text)
                    .allSatisfy(e -> assertThat(lang(e)).as("lang of <%s>%s", e.getElementName(), HtmlPage.text(e))
                            .isEqualTo("vi"));
        }
    }

    /**
     * On the Vietnamese page, whose {@code html} element says "vi", no element says it again (but the language
     * switch, which names each language in that language).
     */
    static void assertNothingMarked(String html) {
        HtmlPage page = HtmlPage.parse(html);
        assertThat(page.elements("html").getFirst().getAttributeValue("lang")).isEqualTo("vi");
        assertThat(HtmlPage.elements(page.elements("body").getFirst(), "*"))
                .filteredOn(e -> "vi".equals(e.getAttributeValue("lang")) && !e.hasAttribute("hreflang"))
                .extracting(HtmlPage::text).isEmpty();
    }

    /** The elements inside {@code container} whose text holds {@code text} and none of whose children's does. */
    private static List<Element> innermost(INestableNode container, String text) {
        List<Element> found = new ArrayList<>();
        for (Element e : HtmlPage.elements(container, "*")) {
            if (HtmlPage.text(e).contains(text)
                    && HtmlPage.elements(e, "*").stream().noneMatch(c -> HtmlPage.text(c).contains(text))) {
                found.add(e);
            }
        }
        return found;
    }

    /** The language of {@code element}: its own {@code lang}, else its nearest ancestor's. */
    private static String lang(Element element) {
        INestableNode node = element;
        while (node instanceof Element e) {
            if (e.hasAttribute("lang")) {
                return e.getAttributeValue("lang");
            }
            node = e.getParent();
        }
        return null;
    }
}
