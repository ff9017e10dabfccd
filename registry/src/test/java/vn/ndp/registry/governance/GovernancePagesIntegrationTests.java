package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.adoption.LocalPlatformFixtures;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.VietnamTime;

/** The governance pages as a signed-in editor and reviewer see them: forms, escaping, conflicts. */
@RegistryIntegrationTest
class GovernancePagesIntegrationTests {

    static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RecognitionDesk desk;

    @Autowired
    ChangeDesk changes;

    @Autowired
    Catalog catalog;

    @Autowired
    ApiCalls api;

    @Test
    void markupTypedIntoAProposalIsShownAsTextNeverAsMarkup() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String code = "PAGETEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        MvcResult created = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                .param("code", code).param("name_vi", SCRIPT).param("description_vi", SCRIPT)
                .param("developer", SCRIPT).param("category", "government").param("type", "platform"))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String location = created.getResponse().getRedirectedUrl();
        String html = mvc.perform(get(location).with(user(editor))).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("Gửi thẩm định", "Tài liệu minh chứng", "name=\"_csrf\"");
    }

    @Test
    void codedFieldsAreChosenByTheirLabelsAndTheCheckedScopesArePostedAsOneValue() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String form = mvc.perform(get("/governance/proposals/new").with(user(editor))).andReturn().getResponse()
                .getContentAsString();
        assertThat(HtmlPage.texts(HtmlPage.parse(form).byId("f-category"), "option"))
                .containsExactly("— Chưa chọn —", "Chính phủ số", "Kinh tế số", "Xã hội số");
        assertThat(HtmlPage.texts(HtmlPage.parse(form).byId("f-data_in_vietnam"), "option"))
                .containsExactly("— Chưa chọn —", "Có", "Không");
        assertThat(form).contains("type=\"checkbox\" name=\"scopes\" value=\"central\"", "name=\"_shown_scopes\"",
                "<legend>Phạm vi triển khai</legend>");
        assertThat(HtmlPage.parse(form).byId("f-security_dossier_date").getAttributeValue("placeholder"))
                .isEqualTo("dd/mm/yyyy");

        String code = "FORMTEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String location = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                .param("code", code).param("name_vi", "Nền tảng thử biểu mẫu").param("category", "society")
                .param("type", "platform").param("_shown_scopes", "1").param("scopes", "central", "commune")
                .param("data_in_vietnam", "true").param("security_dossier_date", "1/7/2025"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        Map<PlatformField, String> fields = desk.get(id, CurrentUser.of(accounts.create(Role.ADMIN, null))).fields();

        assertThat(fields.get(PlatformField.SCOPES)).isEqualTo("central;commune");
        assertThat(fields.get(PlatformField.DATA_IN_VIETNAM)).isEqualTo("true");
        assertThat(fields.get(PlatformField.SECURITY_DOSSIER_DATE)).as("typed day/month/year, kept as the API's form")
                .isEqualTo("2025-07-01");
        String shown = mvc.perform(get(location).with(user(editor))).andReturn().getResponse().getContentAsString();
        assertThat(HtmlPage.parse(shown).byId("f-security_dossier_date").getAttributeValue("value"))
                .isEqualTo("01/07/2025");
        assertThat(HtmlPage.selected(HtmlPage.parse(shown).byId("f-category"))).containsExactly("society");
        assertThat(shown).contains("value=\"central\" checked", "value=\"commune\" checked")
                .doesNotContain("value=\"province\" checked");
    }

    @Test
    void aCodeAlreadyInTheCatalogueIsRefusedNamingThePlatformThatHasIt() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BYT");
        String page = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                .param("code", "sskdt").param("name_vi", "Sổ sức khỏe mới").param("category", "society")
                .param("type", "platform")).andReturn().getResponse().getContentAsString();
        assertThat(HtmlPage.text(HtmlPage.parse(page).elementsOfClass("div", "problems").getFirst()))
                .contains("Mã SSKDT đã được dùng cho Sổ sức khỏe điện tử.")
                .doesNotContain("bắt buộc; từ 2 đến 40 ký tự");

        String english = mvc.perform(post("/governance/proposals").param("lang", "en").with(user(editor))
                .with(csrf()).param("code", "SSKDT").param("name_vi", "Sổ sức khỏe mới").param("category", "society")
                .param("type", "platform")).andReturn().getResponse().getContentAsString();
        assertThat(HtmlPage.text(HtmlPage.parse(english).elementsOfClass("div", "problems").getFirst()))
                .contains("Code SSKDT is already used for Electronic health book.");
    }

    @Test
    void aSecurityDossierDateAfterTodayComesBackAsTypedAndNothingIsProposed() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String code = "DOSSIERTEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var response = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                .param("code", code).param("name_vi", "Nền tảng thử ngày hồ sơ").param("category", "society")
                .param("type", "platform").param("security_dossier_date", "01/01/2099")).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isNull();
        String page = response.getContentAsString();
        assertThat(page).contains("Ngày phê duyệt hồ sơ cấp độ: ghi ngày có thật theo dạng ngày/tháng/năm, ví dụ"
                + " 01/07/2025, không sau ngày hôm nay.");
        assertThat(HtmlPage.parse(page).byId("f-security_dossier_date").getAttributeValue("value"))
                .isEqualTo("01/01/2099");
        assertThat(mvc.perform(get("/governance").with(user(editor))).andReturn().getResponse().getContentAsString())
                .doesNotContain(code);
    }

    @Test
    void aDateThatIsNoDayComesBackAsTypedWithWhatToWriteAndNothingIsProposed() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String code = "DATETEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var response = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                .param("code", code).param("name_vi", "Nền tảng thử ngày").param("category", "society")
                .param("type", "platform").param("security_dossier_date", "31/02/2025")).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isNull();
        String page = response.getContentAsString();
        assertThat(page).contains("Ngày phê duyệt hồ sơ cấp độ: ghi ngày có thật theo dạng ngày/tháng/năm");
        assertThat(HtmlPage.parse(page).byId("f-security_dossier_date").getAttributeValue("value"))
                .isEqualTo("31/02/2025");
        assertThat(mvc.perform(get("/governance").with(user(editor))).andReturn().getResponse().getContentAsString())
                .doesNotContain(code);
    }

    @Test
    void aProposalNamesItsAgencyWithTheCodeBesideAndCountsItsVersionsFromOne() throws Exception {
        Account editorAccount = accounts.create(Role.MINISTRY_EDITOR, "BTC");
        CurrentUser editor = CurrentUser.of(editorAccount);
        String code = "AGENCYTEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Proposal p = desk.draft(editor, code, Map.of(PlatformField.NAME_VI, "Nền tảng tên cơ quan " + code,
                PlatformField.NAME_EN, "Agency name platform " + code, PlatformField.DESCRIPTION_VI,
                "Nền tảng để kiểm thử tên cơ quan đề xuất.", PlatformField.CATEGORY, "government",
                PlatformField.TYPE, "platform", PlatformField.SCOPES, "central"));
        UserDetails login = accounts.signedIn(editorAccount);

        HtmlPage page = HtmlPage.parse(mvc.perform(get("/governance/proposals/" + p.id()).with(user(login)))
                .andReturn().getResponse().getContentAsString());
        List<String> facts = HtmlPage.texts(page.elementsOfClass("dl", "fields").getFirst(), "dd");
        assertThat(facts).contains("Bộ Tài chính BTC", "1").doesNotContain("BTC", "0");
        HtmlPage english = HtmlPage.parse(mvc.perform(get("/governance/proposals/" + p.id()).param("lang", "en")
                .with(user(login))).andReturn().getResponse().getContentAsString());
        assertThat(HtmlPage.texts(english.elementsOfClass("dl", "fields").getFirst(), "dd"))
                .contains("Ministry of Finance BTC");
        HtmlPage ownList = HtmlPage.parse(mvc.perform(get("/governance").param("lang", "en").with(user(login)))
                .andReturn().getResponse().getContentAsString());
        assertThat(HtmlPage.texts(ownList.elements("table").getFirst(), "th")).as("names in the reader's language")
                .contains("Platform name").doesNotContain("Name (Vietnamese)");

        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        desk.handle(p.id(), p.version(), new ProposalCommand.Submit(), editor);
        HtmlPage queue = HtmlPage.parse(mvc.perform(get("/governance").with(user(reviewer))).andReturn().getResponse()
                .getContentAsString());
        assertThat(HtmlPage.texts(queue.elementsOfClass("ul", "queue").getFirst(), "li"))
                .anySatisfy(item -> assertThat(item).startsWith("Nền tảng tên cơ quan " + code)
                        .contains("Bộ Tài chính").doesNotContain(", BTC,"));
        HtmlPage englishQueue = HtmlPage.parse(mvc.perform(get("/governance").param("lang", "en").with(user(reviewer)))
                .andReturn().getResponse().getContentAsString());
        assertThat(HtmlPage.elements(englishQueue.elementsOfClass("ul", "queue").getFirst(), "a"))
                .anySatisfy(a -> {
                    assertThat(HtmlPage.text(a)).isEqualTo("Agency name platform " + code);
                    assertThat(a.hasAttribute("lang")).isFalse();
                })
                .allSatisfy(a -> assertThat(a.getAttributeValue("lang")).as("a Vietnamese name is marked")
                        .isEqualTo(HtmlPage.text(a).matches(".*[ạảãáàăắằẳẵặâấầẩẫậđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ].*")
                                ? "vi" : null));
    }

    @Test
    void aRefusedEditEvaluationOrDecisionComesBackWithWhatWasTypedAndOnlyInTheFormThatWasPosted() throws Exception {
        Account editorAccount = accounts.create(Role.MINISTRY_EDITOR, "BTC");
        CurrentUser editor = CurrentUser.of(editorAccount);
        UserDetails editorLogin = accounts.signedIn(editorAccount);
        String code = "KEEPTEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Proposal p = desk.draft(editor, code, Map.of(PlatformField.NAME_VI, "Nền tảng giữ dữ liệu " + code,
                PlatformField.DESCRIPTION_VI, "Nền tảng để kiểm thử biểu mẫu bị từ chối giữ lại dữ liệu đã nhập.",
                PlatformField.CATEGORY, "government", PlatformField.TYPE, "platform", PlatformField.SCOPES, "central"));

        String edit = mvc.perform(post("/governance/proposals/" + p.id()).with(user(editorLogin)).with(csrf())
                .param("version", String.valueOf(p.version())).param("name_vi", "Tên đã sửa " + code)
                .param("security_dossier_date", "31/02/2025")).andReturn().getResponse().getContentAsString();
        HtmlPage editPage = HtmlPage.parse(edit);
        assertThat(edit).contains("Ngày phê duyệt hồ sơ cấp độ: ghi ngày có thật");
        assertThat(editPage.byId("f-name_vi").getAttributeValue("value")).isEqualTo("Tên đã sửa " + code);
        assertThat(editPage.byId("f-security_dossier_date").getAttributeValue("value")).isEqualTo("31/02/2025");
        p = desk.get(p.id(), editor);
        assertThat(p.fields().get(PlatformField.NAME_VI)).as("nothing saved").isEqualTo("Nền tảng giữ dữ liệu " + code);

        p = desk.handle(p.id(), p.version(), new ProposalCommand.Submit(), editor);
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        String criterion = desk.settings().criteria().getFirst();
        String evaluation = mvc.perform(post("/governance/proposals/" + p.id() + "/evaluation").with(user(reviewer))
                .with(csrf()).param("version", String.valueOf(p.version())).param("result." + criterion, "perhaps")
                .param("comment." + criterion, "Cần làm rõ phạm vi").param("security_level", "4")
                .param("summary", "Kết luận tạm")).andReturn().getResponse().getContentAsString();
        HtmlPage evaluationPage = HtmlPage.parse(evaluation);
        assertThat(HtmlPage.texts(evaluationPage.elementsOfClass("div", "problems").getFirst(), "li"))
                .as("the criterion's rule in Vietnamese, by its name").singleElement().satisfies(line -> assertThat(line)
                        .doesNotStartWith("criterion.").endsWith(": chọn một kết quả; khi đáp ứng một phần hoặc không "
                                + "đáp ứng, ghi nhận xét nêu điểm chưa đạt; nhận xét tối đa 4.000 ký tự."));
        assertThat(evaluationPage.byId("comment-" + criterion).getAttributeValue("value")).isEqualTo("Cần làm rõ phạm vi");
        assertThat(HtmlPage.selected(evaluationPage.byId("security-level"))).containsExactly("4");
        assertThat(desk.get(p.id(), editor).evaluation()).isNull();

        p = ProposalFlow.evaluated(desk, p, CurrentUser.of(accounts.create(Role.REVIEWER, null)));
        String decision = mvc.perform(post("/governance/proposals/" + p.id() + "/decision").with(user(reviewer))
                .with(csrf()).param("version", String.valueOf(p.version())).param("decision", "recognise_as_potential")
                .param("decision_number", "12/QĐ-BKHCN").param("decision_date", "31/02/2026")
                .param("decision_issuer", "Bộ Khoa học và Công nghệ").param("reason", "Lý do ghi kèm"))
                .andReturn().getResponse().getContentAsString();
        HtmlPage decisionPage = HtmlPage.parse(decision);
        assertThat(decision).contains("Ngày quyết định: bắt buộc khi công nhận; ghi ngày có thật theo dạng "
                + "ngày/tháng/năm, ví dụ 05/01/2026, không sau ngày hôm nay.");
        assertThat(decisionPage.byId("decision-number").getAttributeValue("value")).isEqualTo("12/QĐ-BKHCN");
        assertThat(decisionPage.byId("decision-date").getAttributeValue("value")).isEqualTo("31/02/2026");
        assertThat(HtmlPage.text(decisionPage.byId("decision-reason"))).isEqualTo("Lý do ghi kèm");
        assertThat(HtmlPage.selected(decisionPage.byId("decision"))).containsExactly("recognise_as_potential");
        assertThat(HtmlPage.text(decisionPage.byId("return-reason"))).as("the return form has its own reason")
                .isEmpty();
        assertThat(desk.get(p.id(), editor).decision()).isNull();
    }

    @Test
    void aDecisionDatedBeforeTheProposalWasSubmittedIsRecordedOnlyOnceTheReviewerConfirmsIt() throws Exception {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        String code = "EARLIER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Proposal p = desk.draft(editor, code, ProposalFlow.platform("Nền tảng quyết định sớm " + code,
                "Nền tảng để kiểm thử quyết định ghi ngày trước khi hồ sơ được gửi."));
        p = ProposalFlow.evaluated(desk, ProposalFlow.submitted(desk, p, editor),
                CurrentUser.of(accounts.create(Role.REVIEWER, null)));
        String submitted = CalendarDates.vietnamese(p.submittedAt().atZoneSameInstant(VietnamTime.ZONE).toLocalDate());
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);

        String asked = mvc.perform(post("/governance/proposals/" + p.id() + "/decision").with(user(reviewer))
                .with(csrf()).param("version", String.valueOf(p.version())).param("decision", "recognise")
                .param("decision_number", "7/QĐ-BTC").param("decision_date", "01/01/2019"))
                .andReturn().getResponse().getContentAsString();
        HtmlPage askedPage = HtmlPage.parse(asked);
        assertThat(HtmlPage.texts(askedPage.elementsOfClass("div", "problems").getFirst(), "li")).singleElement()
                .asString().startsWith("Ngày quyết định 01/01/2019 trước ngày hồ sơ được gửi (" + submitted + "): nền"
                        + " tảng sẽ được tính là có trong danh mục từ 01/01/2019");
        assertThat(askedPage.byId("confirm-earlier-date").getAttributeValue("name")).as("the box to confirm it")
                .isEqualTo("confirm_earlier_date");
        assertThat(askedPage.byId("decision-date").getAttributeValue("value")).isEqualTo("01/01/2019");
        assertThat(desk.get(p.id(), editor).decision()).as("nothing recorded").isNull();

        String today = mvc.perform(get("/governance/proposals/" + p.id()).with(user(reviewer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(today).as("asked only when needed").doesNotContain("confirm_earlier_date");

        String done = mvc.perform(post("/governance/proposals/" + p.id() + "/decision").with(user(reviewer))
                .with(csrf()).param("version", String.valueOf(p.version())).param("decision", "recognise")
                .param("decision_number", "7/QĐ-BTC").param("decision_date", "01/01/2019")
                .param("confirm_earlier_date", "yes")).andReturn().getResponse().getRedirectedUrl();
        assertThat(done).isEqualTo("/governance/proposals/" + p.id());
        assertThat(desk.get(p.id(), editor).decision().date()).isEqualTo(LocalDate.of(2019, 1, 1));
    }

    @Test
    void theOwnerIsChosenFromTodaysAgenciesAndAMergedMinistryStaysShownAsTheCurrentOwner() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        // MANG-DAU-THAU-QG is listed under Planning and Investment, merged into Finance on 01/03/2025
        String form = mvc.perform(get("/governance/platforms/MANG-DAU-THAU-QG/changes").with(user(editor)))
                .andReturn().getResponse().getContentAsString();
        assertThat(HtmlPage.selected(HtmlPage.parse(form).byId("f-owner"))).containsExactly("BKHDT");
        assertThat(HtmlPage.texts(HtmlPage.parse(form).byId("f-owner"), "option"))
                .contains("Bộ Tài chính (BTC)", "Bộ Kế hoạch và Đầu tư (BKHDT)")
                .noneMatch(text -> text.startsWith("Bộ Giao thông vận tải")) // merged, and not the owner
                .anyMatch(text -> text.endsWith("(P-HUE)"));
        String english = mvc.perform(get("/governance/platforms/MANG-DAU-THAU-QG/changes").param("lang", "en")
                .with(user(editor))).andReturn().getResponse().getContentAsString();
        assertThat(HtmlPage.texts(HtmlPage.parse(english).byId("f-owner"), "option")).contains("Ministry of Finance (BTC)");
    }

    @Test
    void anEditorSeesTheConflictWhenSomeoneChangedTheEntryFirst() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String form = mvc.perform(get("/governance/platforms/MANG-DAU-THAU-QG/changes").with(user(editor)))
                .andReturn().getResponse().getContentAsString();
        String version = form.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        mvc.perform(post("/governance/platforms/MANG-DAU-THAU-QG/changes").with(user(editor)).with(csrf())
                .param("version", version).param("operator_contact", "Phòng Quản lý đấu thầu " + SCRIPT)
                .param("operator_email", "dauthau@mpi.gov.vn"));
        String conflict = mvc.perform(post("/governance/platforms/MANG-DAU-THAU-QG/changes").with(user(editor))
                .with(csrf()).param("version", version).param("operator_contact", "Người thứ hai")
                .param("operator_email", "nguoithuhai@mof.gov.vn"))
                .andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Mục này đã được thay đổi sau khi bạn mở trang").doesNotContain(SCRIPT);
        List<String> changed = HtmlPage.texts(HtmlPage.parse(conflict).elementsOfClass("div", "problems").getFirst(),
                "li");
        assertThat(changed).as("what changed, named by the fields' labels, never the fields' rules")
                .anyMatch(line -> line.startsWith("Đầu mối liên hệ: ") && line.contains("Phòng Quản lý đấu thầu <script>"))
                .anyMatch(line -> line.startsWith("Thư điện tử: ") && line.contains("dauthau@mpi.gov.vn"));
        String history = mvc.perform(get("/platforms/MANG-DAU-THAU-QG/history")).andReturn().getResponse()
                .getContentAsString();
        assertThat(history).contains("Cập nhật thông tin liên hệ", "Đầu mối liên hệ", "&lt;script&gt;")
                .doesNotContain(SCRIPT).doesNotContain("Người thứ hai");
    }

    @Test
    void aSentChangeRedirectsSoThatReloadingThePageNeitherSendsItAgainNorClaimsSomeoneElseChangedIt()
            throws Exception {
        String code = recognisedFinancePlatform();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");

        MvcResult posted = mvc.perform(post("/governance/platforms/" + code + "/changes").with(user(editor))
                .with(csrf()).param("version", "0").param("operator_phone", "024 3333 4444")).andReturn();

        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/governance/platforms/" + code + "/changes");
        HtmlPage shown = HtmlPage.parse(mvc.perform(get(posted.getResponse().getRedirectedUrl())
                .flashAttrs(posted.getFlashMap()).with(user(editor))).andReturn().getResponse().getContentAsString());
        assertThat(HtmlPage.text(shown.elementsOfClass("div", "notice").getFirst()))
                .isEqualTo("Đã cập nhật ngay: Điện thoại");
        assertThat(shown.elements("input").stream().filter(i -> "version".equals(i.getAttributeValue("name"))))
                .singleElement().satisfies(v -> assertThat(v.getAttributeValue("value")).isEqualTo("1"));
        String reloaded = mvc.perform(get("/governance/platforms/" + code + "/changes").with(user(editor)))
                .andReturn().getResponse().getContentAsString();
        assertThat(reloaded).doesNotContain("Đã cập nhật ngay", "Người khác vừa thay đổi");
    }

    @Test
    void aChangeSentTwiceWaitsOnceAndTheSecondSendingLinksToTheRequestAlreadyPending() throws Exception {
        String code = recognisedFinancePlatform();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        mvc.perform(post("/governance/platforms/" + code + "/changes").with(user(editor)).with(csrf())
                .param("version", "0").param("security_level", "4").param("reason", "Nâng cấp độ"));

        var again = mvc.perform(post("/governance/platforms/" + code + "/changes").with(user(editor)).with(csrf())
                .param("version", "0").param("security_level", "4").param("reason", "Nâng cấp độ"))
                .andReturn().getResponse();

        assertThat(again.getRedirectedUrl()).isNull();
        List<ChangeRequest> requests = changes.ofPlatform(code);
        assertThat(requests).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(ChangeStatus.PENDING));
        HtmlPage page = HtmlPage.parse(again.getContentAsString());
        assertThat(HtmlPage.text(page.elementsOfClass("div", "problems").getFirst())).contains(
                "Chưa gửi: đã có một đề nghị thay đổi giống hệt đang chờ thẩm định cho nền tảng này.",
                "Đề nghị đó do " + editor.getUsername() + " gửi và vẫn đang chờ duyệt");
        Element link = HtmlPage.elements(page.elementsOfClass("p", "pending-twin").getFirst(), "a").getFirst();
        assertThat(link.getAttributeValue("href")).isEqualTo("#change-" + requests.getFirst().id());
        assertThat(page.byId("change-" + requests.getFirst().id())).isNotNull();

        // another level is another request
        mvc.perform(post("/governance/platforms/" + code + "/changes").with(user(editor)).with(csrf())
                .param("version", "0").param("security_level", "5"));
        assertThat(changes.ofPlatform(code)).hasSize(2);
    }

    @Test
    void theHistoryPageShowsEachRevisionNewestFirstWithWhyWhoTheVersionAndEachFieldInBothLanguages() throws Exception {
        String code = recognisedFinancePlatform();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        mvc.perform(post("/governance/platforms/" + code + "/changes").with(user(editor)).with(csrf())
                .param("version", "0").param("operator_contact", "Phòng Công nghệ thông tin"));

        List<Element> vietnamese = revisionPanels(code, "vi");
        assertThat(vietnamese).extracting(r -> r.getAttributeValue("data-version") + " "
                + r.getAttributeValue("data-cause")).containsExactly("1 changed_directly", "0 recognised");
        Element contact = vietnamese.getFirst();
        assertThat(HtmlPage.texts(contact, "h3").getFirst()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} — "
                + "Cập nhật thông tin liên hệ");
        assertThat(HtmlPage.texts(contact, "p")).containsExactly("Người thực hiện: "
                + TestAccounts.shownName(editor.getUsername()) + "; Phiên bản 2/2");
        assertThat(HtmlPage.texts(contact, "th")).containsExactly("Trường", "Trước", "Sau");
        assertThat(HtmlPage.texts(contact, "td")).containsExactly("Đầu mối liên hệ", "", "Phòng Công nghệ thông tin");
        Element recognition = vietnamese.getLast();
        assertThat(HtmlPage.texts(recognition, "h3").getFirst()).endsWith(" — Công nhận");
        assertThat(HtmlPage.texts(recognition, "p").getFirst())
                .matches("Người thực hiện: Người kiểm thử (reviewer-\\S+) \\(\\1\\); Phiên bản 1/2 — 7/QĐ-BKHCN");
        assertThat(HtmlPage.texts(recognition, "td")).containsSequence("Tên (tiếng Việt)", "",
                "Nền tảng minh chứng " + code);

        List<Element> english = revisionPanels(code, "en");
        contact = english.getFirst();
        assertThat(HtmlPage.texts(contact, "h3").getFirst()).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2} — "
                + "Contact details updated");
        assertThat(HtmlPage.texts(contact, "p")).containsExactly("By: " + TestAccounts.shownName(editor.getUsername())
                + "; Version 2 of 2");
        assertThat(HtmlPage.texts(contact, "th")).containsExactly("Field", "Before", "After");
        assertThat(HtmlPage.texts(contact, "td")).containsExactly("Contact person", "", "Phòng Công nghệ thông tin");
        assertThat(HtmlPage.texts(english.getLast(), "h3").getFirst()).endsWith(" — Recognised");
        assertThat(HtmlPage.texts(english.getLast(), "td")).containsSequence("Name (Vietnamese)", "",
                "Nền tảng minh chứng " + code);
    }

    /** The revision panels of the platform's history page in {@code lang}, as listed (newest first). */
    List<Element> revisionPanels(String code, String lang) throws Exception {
        String html = mvc.perform(get("/platforms/" + code + "/history").param("lang", lang)).andReturn()
                .getResponse().getContentAsString();
        return HtmlPage.parse(html).elementsOfClass("article", "revision");
    }

    @Test
    void aProvinceEditorIsRefusedTheProposalForm() throws Exception {
        UserDetails province = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-NOI");
        assertThat(mvc.perform(get("/governance/proposals/new").with(user(province))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/governance/proposals").with(user(province)).with(csrf()).param("code", "X-1")
                .param("name_vi", "x")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theReviewerSeesTheQueueAndTheReevaluationList() throws Exception {
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        String home = mvc.perform(get("/governance").with(user(reviewer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains("Đề xuất chờ thẩm định", "Đánh giá lại hằng năm");
        String due = mvc.perform(get("/governance/reevaluations").with(user(reviewer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(due).contains("Hạn đánh giá lại", "Quá hạn");
    }

    @Test
    void aProposalThatDuplicatesAnExistingPlatformWarnsTheEditorAndTheReviewer() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String code = "DUPTEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String location = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                        .param("code", code).param("name_vi", "Cong dich vu cong truc tuyen cua Bo Tai chinh")
                        .param("description_vi", "Tiếp nhận hồ sơ thủ tục hành chính, thanh toán trực tuyến và "
                                + "trả kết quả dịch vụ công cho người dân, doanh nghiệp")
                        .param("category", "government").param("type", "information_system"))
                .andReturn().getResponse().getRedirectedUrl();
        String asEditor = mvc.perform(get(location).with(user(editor))).andReturn().getResponse()
                .getContentAsString();
        assertThat(asEditor).contains("Có thể trùng lặp với nền tảng đã có", "/platforms/DVCQG");
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        String asReviewer = mvc.perform(get(location).with(user(reviewer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(asReviewer).contains("Có thể trùng lặp với nền tảng đã có", "/platforms/DVCQG");
    }

    @Test
    void aProposalUnlikeAnyExistingPlatformShowsNoWarning() throws Exception {
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String code = "UNIQUE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String location = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                        .param("code", code).param("name_vi", "Hệ thống quản lý kho bạc nhà nước về tàu biển")
                        .param("description_vi", "Theo dõi đăng kiểm tàu cá và cảng biển")
                        .param("category", "economy").param("type", "information_system"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(location).with(user(editor))).andReturn().getResponse().getContentAsString())
                .doesNotContain("Có thể trùng lặp với nền tảng đã có");
    }

    /** A change of a newly listed Finance platform's security level, sent by {@code editor}, pending review. */
    ChangeRequest securityLevelChange(CurrentUser editor) {
        return changes.request(recognisedFinancePlatform(), 0, Map.of(PlatformField.SECURITY_LEVEL, "4"),
                "Nâng cấp độ", null, List.of(), editor).pending();
    }

    /** A platform of the Ministry of Finance listed through the workflow, at version 0; its code. */
    String recognisedFinancePlatform() {
        return recognisedFinancePlatform(null);
    }

    /** As {@link #recognisedFinancePlatform()}, with {@code nameEn} as its English name (none when null). */
    String recognisedFinancePlatform(String nameEn) {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        CurrentUser reviewer = CurrentUser.of(accounts.create(Role.REVIEWER, null));
        String code = "EVIDENCE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Map<PlatformField, String> fields = ProposalFlow.platform("Nền tảng minh chứng " + code,
                "Nền tảng để kiểm thử tài liệu minh chứng của đề nghị thay đổi.");
        if (nameEn != null) {
            fields.put(PlatformField.NAME_EN, nameEn + " " + code);
        }
        ProposalFlow.recognised(desk, desk.draft(editor, code, fields), editor, reviewer);
        return code;
    }

    @Test
    void anEditorSendsAChangeWithEvidenceAddsMoreAndTheReviewerDownloadsItFromTheQueue() throws Exception {
        String code = recognisedFinancePlatform();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        String form = mvc.perform(get("/governance/platforms/" + code + "/changes").with(user(editor))).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("enctype=\"multipart/form-data\"", "Tài liệu minh chứng cho phần cần thẩm định",
                // the accepted types and the size limit as configured
                "PDF, DOCX, XLSX, PNG, JPEG, mỗi tệp tối đa 10 MB", "accept=\".pdf,.docx,.xlsx,.png,.jpg,.jpeg\"");

        MvcResult posted = mvc.perform(multipart("/governance/platforms/" + code + "/changes")
                        .file(new MockMultipartFile("files", "Quyết định phê duyệt hồ sơ.pdf", "application/pdf",
                                EvidenceDocumentsTests.pdf()))
                        .param("version", "0").param("security_level", "4").with(user(editor)).with(csrf()))
                .andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/governance/platforms/" + code + "/changes");
        String sent = mvc.perform(get(posted.getResponse().getRedirectedUrl()).flashAttrs(posted.getFlashMap())
                .with(user(editor))).andReturn().getResponse().getContentAsString();
        assertThat(sent).contains("Đã gửi đề nghị thay đổi để thẩm định", "Quyết định phê duyệt hồ sơ.pdf",
                "Bổ sung tài liệu");
        String change = sent.replaceAll("(?s).*/governance/changes/([0-9a-f-]{36})/documents.*", "$1");

        String refused = mvc.perform(multipart("/governance/changes/" + change + "/documents")
                        .file(new MockMultipartFile("file", "chuong-trinh.pdf", "application/pdf",
                                new byte[] {'M', 'Z', 0, 0}))
                        .param("version", "0").with(user(editor)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Chưa lưu được",
                "Nội dung tệp “chuong-trinh.pdf” không phải là tài liệu PDF, DOCX, XLSX, PNG hay JPEG.");
        MvcResult added = mvc.perform(multipart("/governance/changes/" + change + "/documents")
                        .file(new MockMultipartFile("file", "so-do.png", "image/png", GovernanceApiIntegrationTests.PNG))
                        .param("version", "0").with(user(editor)).with(csrf()))
                .andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/governance/platforms/" + code + "/changes");

        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        String queue = mvc.perform(get("/governance").with(user(reviewer))).andReturn().getResponse()
                .getContentAsString();
        // the pending change whose decision form is this change's, and the documents listed in it
        List<Element> requests = HtmlPage.parse(queue).elementsOfClass("div", "change-request").stream()
                .filter(div -> HtmlPage.elements(div, "form").stream().anyMatch(decision ->
                        ("/governance/changes/" + change + "/decision").equals(decision.getAttributeValue("action"))))
                .toList();
        assertThat(requests).hasSize(1);
        List<Element> documents = HtmlPage.elements(requests.getFirst(), "a").stream()
                .filter(a -> a.hasAttribute("href") && a.getAttributeValue("href").startsWith("/governance/documents/"))
                .toList();
        assertThat(documents).extracting(HtmlPage::text).as("one link to each document, named by its file")
                .containsExactlyInAnyOrder("Quyết định phê duyệt hồ sơ.pdf", "so-do.png");
        String link = documents.stream().filter(a -> HtmlPage.text(a).equals("so-do.png")).findFirst().orElseThrow()
                .getAttributeValue("href");
        MvcResult download = mvc.perform(get(link).with(user(reviewer))).andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(GovernanceApiIntegrationTests.PNG);

        UserDetails health = accounts.signedIn(Role.MINISTRY_EDITOR, "BYT");
        assertThat(mvc.perform(multipart("/governance/changes/" + change + "/documents")
                .file(new MockMultipartFile("file", "gia-mao.pdf", "application/pdf", EvidenceDocumentsTests.pdf()))
                .param("version", "1").with(user(health)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get(link).with(user(health))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(changes.ofPlatform(code).getFirst().documents()).hasSize(2);
    }

    @Test
    void aRefusedStandingDecisionComesBackWithEverythingTypedAndChosenAndTheRuleInTheReadersLanguage()
            throws Exception {
        String code = recognisedFinancePlatform();
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        List<String> criteria = desk.settings().criteria();
        var suspension = post("/governance/platforms/" + code + "/standing").with(user(reviewer)).with(csrf())
                .param("version", "0").param("action", "suspend").param("reason", "Không duy trì hồ sơ cấp độ")
                .param("legal_basis", "").param("security_level", "2").param("security_dossier_approved", "false")
                .param("summary", "Cần tạm dừng");
        for (String criterion : criteria.subList(0, criteria.size() - 1)) {
            suspension.param("result." + criterion, "meets");
        }
        suspension.param("result." + criteria.getLast(), "partly_meets")
                .param("comment." + criteria.getLast(), "Chưa lưu trữ tại Việt Nam");

        var response = mvc.perform(suspension).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isNull();
        HtmlPage page = HtmlPage.parse(response.getContentAsString());
        assertThat(HtmlPage.texts(page.elementsOfClass("div", "problems").getFirst(), "li")).containsExactly(
                "Căn cứ pháp lý: bắt buộc khi tạm dừng, thu hồi hoặc khôi phục công nhận, ví dụ số, ngày và cơ quan"
                        + " ban hành văn bản; tối đa 500 ký tự.");
        assertThat(HtmlPage.selected(page.byId("action"))).containsExactly("suspend");
        assertThat(HtmlPage.text(page.byId("reason"))).isEqualTo("Không duy trì hồ sơ cấp độ");
        assertThat(page.byId("legal-basis").getAttributeValue("value")).isEmpty();
        assertThat(HtmlPage.selected(page.byId("result-" + criteria.getFirst()))).containsExactly("meets");
        assertThat(HtmlPage.selected(page.byId("result-" + criteria.getLast()))).containsExactly("partly_meets");
        assertThat(page.byId("comment-" + criteria.getLast()).getAttributeValue("value"))
                .isEqualTo("Chưa lưu trữ tại Việt Nam");
        assertThat(HtmlPage.selected(page.byId("security-level"))).containsExactly("2");
        assertThat(HtmlPage.selected(page.byId("dossier"))).containsExactly("false");
        assertThat(HtmlPage.text(page.byId("summary"))).isEqualTo("Cần tạm dừng");
        assertThat(catalog.get(code).status()).as("nothing saved").isEqualTo(LifecycleStatus.RECOGNISED);
        assertThat(catalog.get(code).version()).isZero();

        String english = mvc.perform(suspension.param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Legal basis: required to suspend, revoke or reinstate a recognition");
    }

    @Test
    void aStandingDecisionWhoseVersionIsNoNumberComesBackAsTheFormAtTheEntrysVersion() throws Exception {
        String code = recognisedFinancePlatform();
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);

        var response = mvc.perform(post("/governance/platforms/" + code + "/standing").with(user(reviewer))
                .with(csrf()).param("version", "mới nhất").param("action", "suspend")
                .param("reason", "Không duy trì hồ sơ cấp độ").param("legal_basis", "Quyết định 12/QĐ-BKHCN"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as("the form again (with the refusal's status), not an error page")
                .isEqualTo(400);
        HtmlPage page = HtmlPage.parse(response.getContentAsString());
        assertThat(HtmlPage.texts(page.elementsOfClass("div", "problems").getFirst(), "li")).singleElement()
                .asString().startsWith("Phiên bản của mục: trang gửi đi thiếu hoặc sai số phiên bản");
        assertThat(HtmlPage.selected(page.byId("action"))).containsExactly("suspend");
        assertThat(HtmlPage.text(page.byId("reason"))).isEqualTo("Không duy trì hồ sơ cấp độ");
        assertThat(page.elements("input").stream().filter(i -> "version".equals(i.getAttributeValue("name")))
                .map(HtmlPage::value)).containsExactly(String.valueOf(catalog.get(code).version()));
        assertThat(catalog.get(code).status()).as("nothing saved").isEqualTo(LifecycleStatus.RECOGNISED);
    }

    @Test
    void aChangeWithARefusedDocumentComesBackWithTheFieldsAndTheReasonTypedAndNothingIsRequested() throws Exception {
        String code = recognisedFinancePlatform();
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");

        String refused = mvc.perform(multipart("/governance/platforms/" + code + "/changes")
                        .file(new MockMultipartFile("files", "cai-dat.exe", "application/octet-stream",
                                new byte[] {'M', 'Z', 0, 0}))
                        .param("version", "0").param("name_vi", "Tên mới " + code)
                        .param("reason", "Đổi tên theo quyết định mới").with(user(editor)).with(csrf()))
                .andReturn().getResponse().getContentAsString();

        HtmlPage page = HtmlPage.parse(refused);
        assertThat(refused).contains("Chưa lưu được: tệp đính kèm không được nhận.", "cai-dat.exe");
        assertThat(page.byId("f-name_vi").getAttributeValue("value")).isEqualTo("Tên mới " + code);
        assertThat(HtmlPage.text(page.byId("reason"))).isEqualTo("Đổi tên theo quyết định mới");
        assertThat(catalog.get(code).nameVi()).as("nothing saved").isEqualTo("Nền tảng minh chứng " + code);
        assertThat(changes.ofPlatform(code)).isEmpty();
    }

    @Test
    void anOperatorIsOfferedOnlyTheContactFieldsAndTheirRefusalIsSaidInVietnamese() throws Exception {
        String code = recognisedFinancePlatform();
        UserDetails operator = accounts.signedIn(Role.OPERATOR, null, code);

        String form = mvc.perform(get("/governance/platforms/" + code + "/changes").with(user(operator)))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"operator_email\"").doesNotContain("name=\"name_vi\"");

        String refused = mvc.perform(post("/governance/platforms/" + code + "/changes").with(user(operator))
                        .with(csrf()).param("version", "0").param("operator_email", "khong-phai-thu")
                        .param("reason", "Cập nhật đầu mối"))
                .andReturn().getResponse().getContentAsString();
        HtmlPage page = HtmlPage.parse(refused);
        assertThat(refused).contains("Thư điện tử: một địa chỉ thư điện tử đầy đủ");
        assertThat(page.byId("f-operator_email").getAttributeValue("value")).isEqualTo("khong-phai-thu");
        assertThat(HtmlPage.text(page.byId("reason"))).isEqualTo("Cập nhật đầu mối");
        assertThat(catalog.get(code).version()).as("nothing saved").isZero();
    }

    @Test
    void changeRequestsAreHeadedByThePlatformsNameInTheReadersLanguageWithTheCodeBeside() throws Exception {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        String vietnameseOnly = securityLevelChange(editor).platformCode();
        String named = changes.request(recognisedFinancePlatform("Evidence platform"), 0,
                Map.of(PlatformField.SECURITY_LEVEL, "4"), "Nâng cấp độ", null, List.of(), editor).pending().platformCode();
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);

        for (String lang : List.of("vi", "en")) {
            HtmlPage queue = HtmlPage.parse(mvc.perform(get("/governance").param("lang", lang).with(user(reviewer)))
                    .andReturn().getResponse().getContentAsString());
            Element heading = changeHeading(queue.elementsOfClass("div", "change-request"), vietnameseOnly);
            assertThat(HtmlPage.text(HtmlPage.elements(heading, "a").getFirst()))
                    .isEqualTo("Nền tảng minh chứng " + vietnameseOnly);
            assertThat(HtmlPage.texts(heading, "small")).containsExactly(vietnameseOnly);
            assertThat(HtmlPage.elements(heading, "a").getFirst().getAttributeValue("lang"))
                    .as("a Vietnamese name on an English page is marked").isEqualTo("en".equals(lang) ? "vi" : null);
            Element english = changeHeading(queue.elementsOfClass("div", "change-request"), named);
            assertThat(HtmlPage.text(HtmlPage.elements(english, "a").getFirst())).isEqualTo(("en".equals(lang)
                    ? "Evidence platform " : "Nền tảng minh chứng ") + named);
            assertThat(HtmlPage.elements(english, "a").getFirst().hasAttribute("lang")).isFalse();
        }

        UserDetails finance = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        HtmlPage own = HtmlPage.parse(mvc.perform(get("/governance").param("lang", "en").with(user(finance)))
                .andReturn().getResponse().getContentAsString());
        List<Element> items = own.elementsOfClass("li", "agency-change");
        assertThat(items.stream().map(HtmlPage::text)).anySatisfy(item -> assertThat(item)
                .startsWith("Evidence platform " + named + " " + named + ": Pending"));
        Element item = items.stream().filter(li -> HtmlPage.text(li).startsWith("Nền tảng minh chứng "
                + vietnameseOnly + " " + vietnameseOnly + ": ")).findFirst().orElseThrow();
        assertThat(HtmlPage.elements(item, "span").getFirst().getAttributeValue("lang")).isEqualTo("vi");
    }

    @Test
    void englishPagesAboutOnePlatformNameItInEnglishOrMarkItsVietnameseName() throws Exception {
        String vietnameseOnly = recognisedFinancePlatform();
        String named = recognisedFinancePlatform("Evidence platform");
        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BTC");
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);

        for (String code : List.of(vietnameseOnly, named)) {
            boolean english = code.equals(named);
            String name = (english ? "Evidence platform " : "Nền tảng minh chứng ") + code;
            Element link = HtmlPage.parse(mvc.perform(get("/governance/platforms/" + code + "/changes")
                    .param("lang", "en").with(user(editor))).andReturn().getResponse().getContentAsString())
                    .elements("a").stream().filter(a -> ("/platforms/" + code).equals(a.getAttributeValue("href")))
                    .findFirst().orElseThrow();
            assertThat(HtmlPage.text(link)).isEqualTo(name);
            assertThat(link.getAttributeValue("lang")).isEqualTo(english ? null : "vi");
            for (String uri : List.of("/platforms/" + code + "/history", "/governance/platforms/" + code
                    + "/standing")) {
                Element heading = HtmlPage.parse(mvc.perform(get(uri).param("lang", "en").with(user(reviewer)))
                        .andReturn().getResponse().getContentAsString()).elements("h1").getFirst();
                assertThat(HtmlPage.elements(heading, "span").getLast()).as(uri).satisfies(span -> {
                    assertThat(HtmlPage.text(span)).isEqualTo(name);
                    assertThat(span.getAttributeValue("lang")).isEqualTo(english ? null : "vi");
                });
            }
        }
    }

    /** The h3 of the pending change request for the platform {@code code}. */
    private static Element changeHeading(List<Element> requests, String code) {
        return requests.stream().map(div -> HtmlPage.elements(div, "h3").getFirst())
                .filter(h3 -> HtmlPage.texts(h3, "small").contains(code)).findFirst().orElseThrow();
    }

    @Test
    void aRefusedDeclineKeepsItsNoteInThatRequestsFormWithTheErrorBesideIt() throws Exception {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        ChangeRequest asked = securityLevelChange(editor);
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        String note = "Thiếu quyết định phê duyệt hồ sơ cấp độ. ".repeat(100); // over the 4,000 characters allowed

        var response = mvc.perform(post("/governance/changes/" + asked.id() + "/decision").with(user(reviewer))
                .with(csrf()).param("version", String.valueOf(asked.version())).param("action", "decline")
                .param("note", note)).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isNull();
        HtmlPage page = HtmlPage.parse(response.getContentAsString());
        Element request = page.elementsOfClass("div", "change-request").stream()
                .filter(div -> HtmlPage.elements(div, "form").stream().anyMatch(form ->
                        ("/governance/changes/" + asked.id() + "/decision").equals(form.getAttributeValue("action"))))
                .findFirst().orElseThrow();
        List<Element> problems = page.elementsOfClass("div", "problems");
        assertThat(problems).as("one error, in that request").hasSize(1);
        assertThat(HtmlPage.elements(request, "div")).contains(problems.getFirst());
        assertThat(HtmlPage.text(problems.getFirst())).contains("Ghi chú: bắt buộc khi từ chối đề nghị thay đổi");
        Element input = page.byId("note-" + asked.id());
        assertThat(input.getAttributeValue("value")).isEqualTo(note);
        assertThat(input.getAttributeValue("maxlength")).isEqualTo("4000");
        assertThat(changes.get(asked.id(), editor).status()).as("nothing saved").isEqualTo(ChangeStatus.PENDING);
    }

    @Test
    void anOwnerChangeNamesTheAgenciesWithTheirCodesInThePendingListAndTheHistory() throws Exception {
        String code = recognisedFinancePlatform();
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        ChangeRequest asked = changes.request(code, 0, Map.of(PlatformField.OWNER, "BYT"), "Chuyển giao", null,
                List.of(), editor).pending();
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);

        Element pending = HtmlPage.parse(mvc.perform(get("/governance").with(user(reviewer))).andReturn().getResponse()
                        .getContentAsString()).elementsOfClass("div", "change-request").stream()
                .filter(div -> HtmlPage.text(div).contains(code)).findFirst().orElseThrow();
        assertThat(HtmlPage.texts(pending, "td")).containsExactly("Cơ quan chủ quản", "Bộ Tài chính (BTC)",
                "Bộ Y tế (BYT)");

        changes.decide(asked.id(), asked.version(), ChangeStatus.Action.APPROVE, null,
                CurrentUser.of(accounts.create(Role.REVIEWER, null)));
        assertThat(HtmlPage.texts(revisionPanels(code, "vi").getFirst(), "td"))
                .containsSequence("Cơ quan chủ quản", "Bộ Tài chính (BTC)", "Bộ Y tế (BYT)");
        assertThat(HtmlPage.texts(revisionPanels(code, "en").getFirst(), "td"))
                .containsSequence("Ministry of Finance (BTC)", "Ministry of Health (BYT)");
        String history = mvc.perform(get("/platforms/" + code + "/history")).andReturn().getResponse()
                .getContentAsString();
        assertThat(HtmlPage.texts(HtmlPage.parse(history).elementsOfClass("table", "since-recognition").getFirst(),
                "td")).containsExactly("Cơ quan chủ quản", "Bộ Tài chính (BTC)", "Bộ Y tế (BYT)");
    }

    @Test
    void aDecisionOnARequestDecidedMeanwhileNamesTheRequestAtTheTop() throws Exception {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        ChangeRequest asked = securityLevelChange(editor);
        changes.decide(asked.id(), asked.version(), ChangeStatus.Action.APPROVE, null,
                CurrentUser.of(accounts.create(Role.REVIEWER, null)));
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);

        String page = mvc.perform(post("/governance/changes/" + asked.id() + "/decision").with(user(reviewer))
                .with(csrf()).param("version", String.valueOf(asked.version())).param("action", "decline")
                .param("note", "Thiếu tài liệu")).andReturn().getResponse().getContentAsString();

        assertThat(HtmlPage.text(HtmlPage.parse(page).byId("decided-change"))).startsWith("Đề nghị thay đổi nền tảng "
                + asked.platformCode() + " gửi lúc ").endsWith(" nay ở trạng thái “Đã duyệt”, không còn chờ duyệt; quyết định của bạn"
                + " chưa được ghi.");
        assertThat(changes.get(asked.id(), editor).status()).as("still approved").isEqualTo(ChangeStatus.APPROVED);
    }

    @Test
    void aProposalLikeAProvincesLocalPlatformLinksToThatPlatformsPageAndNamesTheProvince() throws Exception {
        Map<String, Object> local = LocalPlatformFixtures.cemeteries(LocalPlatformFixtures.word());
        String name = (String) local.get("nameVi");
        String description = (String) local.get("description");
        String id = LocalPlatformFixtures.register(api, accounts.token(Role.PROVINCE_EDITOR, "P-NGHE-AN"), "P-NGHE-AN",
                local).get("id").asString();

        UserDetails editor = accounts.signedIn(Role.MINISTRY_EDITOR, "BXD");
        String code = "LIKELOCAL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String location = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                        .param("code", code).param("name_vi", name).param("description_vi", description)
                        .param("category", "society").param("type", "platform"))
                .andReturn().getResponse().getRedirectedUrl();
        HtmlPage page = HtmlPage.parse(mvc.perform(get(location).with(user(editor))).andReturn().getResponse()
                .getContentAsString());

        Element warning = HtmlPage.elements(page.byId("main"), "section").stream()
                .filter(section -> "overlap-heading".equals(section.getAttributeValue("aria-labelledby")))
                .findFirst().orElseThrow();
        Element match = HtmlPage.elements(warning, "li").stream()
                .filter(li -> HtmlPage.text(li).contains(name)).findFirst().orElseThrow();
        assertThat(HtmlPage.elements(match, "a").getFirst().getAttributeValue("href"))
                .isEqualTo("/adoption/provinces/P-NGHE-AN/local-platforms/" + id);
        assertThat(HtmlPage.text(match)).contains("Nền tảng địa phương — Tỉnh Nghệ An");
    }
}
