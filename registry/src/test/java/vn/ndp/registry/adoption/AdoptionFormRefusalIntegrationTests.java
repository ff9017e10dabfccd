package vn.ndp.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.ndp.registry.adoption.AdoptionApiIntegrationTests.declaration;
import static vn.ndp.registry.adoption.PlanRows.responsible;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.agencies.Agencies;

/**
 * The adoption forms, refused, come back with the error where it can be acted on and with everything that was
 * typed or chosen, and save nothing: a proposal's decision, the plan form (a row typed on without a status, a
 * phone on the wrong row, a plan saved meanwhile) and a local platform saved anyway without a reason. A save from
 * the plan form keeps what the form shows besides what the API stored. The plans are Bắc Ninh's, in years no other
 * test writes (2027 is never saved).
 */
@RegistryIntegrationTest
class AdoptionFormRefusalIntegrationTests {

    static final String BAC_NINH = "/adoption/provinces/P-BAC-NINH-2025/plan";

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    MockMvc mvc;

    @Autowired
    Agencies agencies;

    static String word() {
        return "tuchoi" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return response;
    }

    HtmlPage page(MockHttpServletRequestBuilder request) throws Exception {
        return page(request, 200);
    }

    /** The page answering {@code request} with {@code status}: a refused form's page has the refusal's status. */
    HtmlPage page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = perform(request);
        assertThat(response.getStatus()).as("the form again, not a redirect after saving").isEqualTo(status);
        return HtmlPage.parse(response.getContentAsString());
    }

    /** The one chosen option's value, as a browser posts a select; empty when none is chosen. */
    static String selected(Element select) {
        return HtmlPage.selected(select).stream().findFirst().orElse("");
    }

    /** What a browser posts with the plan form's "save" button: each field as the page shows it. */
    static MultiValueMap<String, String> shown(HtmlPage page) {
        Element form = page.byId("plan-form");
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (Element input : HtmlPage.elements(form, "input")) {
            if (!"search".equals(input.getAttributeValue("type")) && !"_csrf".equals(input.getAttributeValue("name"))) {
                fields.add(input.getAttributeValue("name"), HtmlPage.value(input));
            }
        }
        HtmlPage.elements(form, "select").forEach(s -> fields.add(s.getAttributeValue("name"), selected(s)));
        HtmlPage.elements(form, "textarea").forEach(t -> fields.add(t.getAttributeValue("name"), HtmlPage.text(t)));
        return fields;
    }

    /** Bắc Ninh's plan for {@code year} as the API has it, or null. */
    JsonNode plan(int year) {
        for (JsonNode held : api.get(null, "/api/v1/adoption/provinces/P-BAC-NINH-2025", 200).get("plans")) {
            if (held.get("plan").get("year").asInt() == year) {
                return held.get("plan");
            }
        }
        return null;
    }

    static JsonNode platform(JsonNode plan, String code) {
        for (JsonNode p : plan.get("platforms")) {
            if (code.equals(p.get("platform").asString())) {
                return p;
            }
        }
        return null;
    }

    static List<String> problems(HtmlPage page) {
        return HtmlPage.texts(page.byId("plan-problems"), "li");
    }

    /** The plan form's row for a platform. */
    static Element row(HtmlPage page, String code) {
        return page.elements("tr").stream().filter(tr -> code.equals(tr.getAttributeValue("data-platform")))
                .findFirst().orElseThrow();
    }

    /** The platform's name as its row in the plan form shows it. */
    static String rowName(HtmlPage page, String code) {
        return HtmlPage.text(HtmlPage.elements(row(page, code), "label").getFirst());
    }

    @Test
    void aRefusedDecisionComesBackOnItsCardWithTheChoiceAndTheReasonAndDecidesNothing() throws Exception {
        String word = word();
        String id = api.create(accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI"),
                "/api/v1/adoption/provinces/P-HA-NOI/proposals",
                Map.of("name", "Nền tảng quản lý chợ " + word, "reason", "Địa phương cần dùng chung."));
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);
        String tooLong = "Trùng chức năng với nền tảng quốc gia đang vận hành. ".repeat(40).strip();
        assertThat(tooLong.length()).isGreaterThan(2000);

        HtmlPage refused = page(post("/adoption/proposals/" + id + "/decision").param("q", word)
                .param("version", "0").param("decision", "decline").param("reason", tooLong)
                .with(user(reviewer)).with(csrf()), 400);
        HtmlPage stale = page(post("/adoption/proposals/" + id + "/decision").param("q", word)
                .param("version", "3").param("decision", "decline").param("reason", "Trùng NDXP.")
                .with(user(reviewer)).with(csrf()), 409);
        HtmlPage filteredOut = page(post("/adoption/proposals/" + id + "/decision").param("q", word)
                .param("status", "declined").param("version", "0").param("decision", "decline")
                .param("reason", tooLong).with(user(reviewer)).with(csrf()), 400);

        Element card = refused.byId("proposal-" + id);
        assertThat(HtmlPage.texts(card, "li")).containsExactly("Lý do quyết định: bắt buộc, tối đa 2.000 ký tự.");
        assertThat(selected(refused.byId("decision-" + id))).isEqualTo("decline");
        Element reason = refused.byId("reason-" + id);
        assertThat(HtmlPage.text(reason)).isEqualTo(tooLong);
        assertThat(reason.getAttributeValue("maxlength")).isEqualTo("2000");
        assertThat(HtmlPage.texts(stale.byId("proposal-" + id), "p")).contains("Đề xuất này đã được thay đổi hoặc"
                + " quyết định sau khi bạn mở trang; quyết định của bạn chưa được ghi. Hãy xem lại đề xuất rồi quyết"
                + " định lại nếu cần.", "Đề xuất “Nền tảng quản lý chợ " + word + "” hiện ở trạng thái “Đã gửi, chờ"
                + " xem xét”.");
        assertThat(HtmlPage.text(stale.byId("proposal-" + id))).as("nothing in the API's English")
                .doesNotContain("Nothing was saved", "SUBMITTED", "version");
        assertThat(selected(stale.byId("decision-" + id))).isEqualTo("decline");
        assertThat(HtmlPage.text(stale.byId("reason-" + id))).isEqualTo("Trùng NDXP.");
        assertThat(filteredOut.elements("article")).as("the list filtered to declined proposals").isEmpty();
        INestableNode above = filteredOut.elementsOfClass("div", "problems").getFirst().getParent();
        assertThat(HtmlPage.texts(above, "li")).containsExactly("Lý do quyết định: bắt buộc, tối đa 2.000 ký tự.");
        assertThat(HtmlPage.texts(above, "p")).contains("Lý do bạn đã nhập (chưa được ghi): " + tooLong);
        JsonNode kept = api.get(accounts.token(Role.REVIEWER, null), "/api/v1/adoption/proposals?q=" + word, 200);
        assertThat(kept.get(0).get("status").asString()).isEqualTo("submitted");
        assertThat(kept.get(0).get("version").asInt()).isZero();
    }

    /** Whether the page holds the plan form. */
    static boolean hasPlanForm(HtmlPage page) {
        return page.elements("form").stream().anyMatch(f -> "plan-form".equals(f.getAttributeValue("id")));
    }

    @Test
    void anEditorOfAMergedProvinceIsSentToItsSuccessorsFormBeforeTypingAndASaveIsAConflictNotAPermission()
            throws Exception {
        UserDetails haGiang = accounts.signedIn(accounts.createdBeforeItEnded(Role.PROVINCE_EDITOR, "P-HA-GIANG"));
        int year = agencies.today().getYear();

        HtmlPage closed = page(get("/adoption/provinces/P-HA-GIANG/plan").param("year", String.valueOf(year))
                .with(user(haGiang)), 409);
        assertThat(hasPlanForm(closed)).as("no form to type in vain").isFalse();
        assertThat(HtmlPage.text(closed.byId("plan-closed"))).isEqualTo("Từ 01/07/2025, Tỉnh Hà Giang đã được sắp"
                + " xếp vào Tỉnh Tuyên Quang: các kế hoạch của Tỉnh Hà Giang được lưu làm lịch sử và không khai báo"
                + " thêm được nữa. Từ nay kế hoạch được khai báo cho Tỉnh Tuyên Quang.");
        assertThat(closed.elements("a")).anySatisfy(a -> {
            assertThat(a.getAttributeValue("href"))
                    .isEqualTo("/adoption/provinces/P-TUYEN-QUANG-2025/plan?year=" + year);
            assertThat(HtmlPage.text(a)).isEqualTo("Khai báo kế hoạch năm " + year + " của Tỉnh Tuyên Quang");
        });
        HtmlPage english = page(get("/adoption/provinces/P-HA-GIANG/plan").param("year", String.valueOf(year))
                .param("lang", "en").with(user(haGiang)), 409);
        assertThat(HtmlPage.text(english.byId("plan-closed"))).startsWith("From 1 Jul 2025, Ha Giang Province is"
                + " part of Tuyen Quang Province");

        HtmlPage saved = page(post("/adoption/provinces/P-HA-GIANG/plan").with(user(haGiang)).with(csrf())
                .param("year", String.valueOf(year)).param("document_kind", "none").param("status_VNEID", "in_use"),
                409);
        assertThat(HtmlPage.text(saved.byId("plan-closed"))).contains("Tỉnh Tuyên Quang").doesNotContain("became");
    }

    @Test
    void aYearTheProvinceCannotHaveAPlanForIsSaidBeforeAnythingIsTyped() throws Exception {
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");
        int year = agencies.today().getYear();

        HtmlPage closed = page(get(BAC_NINH).param("year", String.valueOf(year + 6)).with(user(editor)), 400);

        assertThat(hasPlanForm(closed)).isFalse();
        assertThat(HtmlPage.text(closed.byId("plan-closed"))).isEqualTo("Không khai báo được kế hoạch năm "
                + (year + 6) + " cho Tỉnh Bắc Ninh: chỉ khai báo được kế hoạch cho các năm từ 2025 đến " + (year + 5)
                + " (những năm tỉnh, thành phố tồn tại, tối đa 5 năm tới).");
        assertThat(closed.elements("a")).anySatisfy(a -> assertThat(a.getAttributeValue("href"))
                .isEqualTo(BAC_NINH + "?year=" + year));
        assertThat(hasPlanForm(page(get(BAC_NINH).param("year", String.valueOf(year + 5)).with(user(editor)))))
                .isTrue();
    }

    /** A year as a Vietnamese number format would write it: 2025 as "2.025". */
    static String grouped(String year) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(Integer.parseInt(year));
    }

    @Test
    void yearsBeforeAndFarAfterTheProvincesPlanYearsAreRefusedByOneRuleWithTheYearsUnformatted() throws Exception {
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");
        int last = agencies.today().getYear() + 5;

        for (String year : List.of("1999", "2099")) {
            MockHttpServletResponse response = perform(get(BAC_NINH).param("year", year).with(user(editor)));
            assertThat(response.getStatus()).isEqualTo(400);
            HtmlPage closed = HtmlPage.parse(response.getContentAsString());
            assertThat(HtmlPage.text(closed.byId("plan-closed"))).isEqualTo("Không khai báo được kế hoạch năm " + year
                    + " cho Tỉnh Bắc Ninh: chỉ khai báo được kế hoạch cho các năm từ 2025 đến " + last
                    + " (những năm tỉnh, thành phố tồn tại, tối đa 5 năm tới).");
            assertThat(response.getContentAsString()).as("no year with a thousands separator")
                    .doesNotContain(grouped(year), grouped("2025"), grouped(String.valueOf(last)));
        }
    }

    @Test
    void aRowTypedOnWithoutAStatusIsRefusedNamingItsPlatformAndKeepsWhatWasTyped() throws Exception {
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");

        HtmlPage refused = page(post(BAC_NINH).with(user(editor)).with(csrf()).param("year", "2027")
                .param("document_kind", "none").param("status_NDXP", "in_use").with(responsible("NDXP", "Nguyễn Thị Hoa"))
                .param("status_VNEID", "").param("person_VNEID", "Nguyễn Văn An")
                .param("phone_VNEID", "0912 345 678"), 400);

        String vneid = rowName(refused, "VNEID");
        assertThat(problems(refused)).containsExactly("Trạng thái — nền tảng " + vneid + ": hãy chọn trạng thái;"
                + " nếu tỉnh không triển khai nền tảng này, xóa những gì đã nhập ở dòng này.");
        assertThat(refused.byId("status_VNEID").getAttributeValue("aria-invalid")).isEqualTo("true");
        assertThat(row(refused, "VNEID").getAttributeValue("class")).contains("invalid");
        assertThat(HtmlPage.value(refused.byId("person_VNEID"))).isEqualTo("Nguyễn Văn An");
        assertThat(HtmlPage.value(refused.byId("phone_VNEID"))).isEqualTo("0912 345 678");
        assertThat(selected(refused.byId("status_NDXP"))).isEqualTo("in_use");
        assertThat(plan(2027)).as("nothing saved").isNull();
    }

    @Test
    void aPlatformInUseWithoutADepartmentOrAResponsiblePersonIsRefusedNamingItAndKeepsWhatWasTyped()
            throws Exception {
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");

        HtmlPage refused = page(post(BAC_NINH).with(user(editor)).with(csrf()).param("year", "2027")
                .param("document_kind", "none").param("status_VNEID", "in_use").param("department_VNEID", "")
                .param("person_VNEID", "").param("title_VNEID", "Phó Giám đốc")
                .param("phone_VNEID", "0912 345 678"), 400);

        String vneid = rowName(refused, "VNEID");
        assertThat(problems(refused)).containsExactly(
                "Đơn vị phụ trách — nền tảng " + vneid + ": bắt buộc với mỗi nền tảng được khai báo (rõ người, rõ"
                        + " việc): ghi đơn vị của tỉnh chịu trách nhiệm; tối đa 300 ký tự.",
                "Người phụ trách — nền tảng " + vneid + ": bắt buộc với mỗi nền tảng được khai báo (rõ người, rõ"
                        + " việc): ghi họ tên người chịu trách nhiệm; tối đa 300 ký tự.");
        assertThat(refused.byId("department_VNEID").getAttributeValue("aria-invalid")).isEqualTo("true");
        assertThat(refused.byId("person_VNEID").getAttributeValue("aria-invalid")).isEqualTo("true");
        assertThat(selected(refused.byId("status_VNEID"))).isEqualTo("in_use");
        assertThat(HtmlPage.value(refused.byId("title_VNEID"))).isEqualTo("Phó Giám đốc");
        assertThat(HtmlPage.value(refused.byId("phone_VNEID"))).isEqualTo("0912 345 678");
        assertThat(plan(2027)).as("nothing saved").isNull();
    }

    @Test
    void aRowsBadPhoneAndEmailAreNamedByItsPlatformInVietnameseAndMarkTheirInputs() throws Exception {
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");

        // VNeID is the second row sent: the desk names its fields platforms[1]
        HtmlPage refused = page(post(BAC_NINH).with(user(editor)).with(csrf()).param("year", "2027")
                .param("document_kind", "none").param("status_NDXP", "in_use").param("status_VNEID", "deploying")
                .with(responsible("NDXP", "Nguyễn Thị Hoa"))
                .with(responsible("VNEID", "Nguyễn Thị Hoa"))
                .param("phone_VNEID", "gọi tôi").param("email_VNEID", "khong-phai-thu"), 400);

        String vneid = rowName(refused, "VNEID");
        assertThat(problems(refused)).containsExactly(
                "Thư điện tử — nền tảng " + vneid + ": chưa đúng địa chỉ thư điện tử (ví dụ: vanthu@stttt.gov.vn),"
                        + " tối đa 300 ký tự.",
                "Điện thoại — nền tảng " + vneid + ": chưa đúng số điện thoại; chỉ gồm chữ số, dấu cách và các dấu"
                        + " + ( ) . -, dài từ 6 đến 20 ký tự.");
        assertThat(HtmlPage.elements(refused.byId("plan-problems"), "a"))
                .extracting(a -> a.getAttributeValue("href")).containsExactly("#email_VNEID", "#phone_VNEID");
        assertThat(refused.byId("phone_VNEID").getAttributeValue("aria-invalid")).isEqualTo("true");
        assertThat(refused.byId("email_VNEID").getAttributeValue("aria-invalid")).isEqualTo("true");
        assertThat(refused.byId("status_NDXP").hasAttribute("aria-invalid")).isFalse();
        assertThat(HtmlPage.texts(refused.byId("problems_VNEID"), "li")).hasSize(2);
        assertThat(HtmlPage.value(refused.byId("phone_VNEID"))).isEqualTo("gọi tôi");
        assertThat(selected(refused.byId("status_VNEID"))).isEqualTo("deploying");
        assertThat(HtmlPage.text(refused.byId("plan-problems"))).doesNotContain("platforms[");
        assertThat(plan(2027)).as("nothing saved").isNull();
    }

    @Test
    void aPlanSavedMeanwhileIsNamedRowByRowAndTheKeptFormSavesOverItWhenSentAgain() throws Exception {
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");
        assertThat(perform(post(BAC_NINH).with(user(editor)).with(csrf()).param("year", "2029")
                .param("document_kind", "none").param("status_VNEID", "planned")
                .with(responsible("VNEID", "Nguyễn Thị Hoa"))).getStatus()).isEqualTo(302);
        api.put(accounts.token(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025"), "/api/v1/adoption/provinces/P-BAC-NINH-2025"
                + "/plan", declaration(2029, "none", 0, "VNEID", "in_use"), 200);

        HtmlPage stale = page(post(BAC_NINH).with(user(editor)).with(csrf()).param("year", "2029")
                .param("version", "0").param("document_kind", "none").param("status_VNEID", "deploying")
                .with(responsible("VNEID", "Trần Thị Bình")), 409);

        assertThat(HtmlPage.texts(stale.byId("plan-problems"), "p").getFirst()).isEqualTo("Người khác vừa lưu một"
                + " thay đổi trong lúc bạn sửa; chưa lưu gì. Biểu mẫu vẫn giữ những gì bạn đã nhập: hãy xem lại các"
                + " thay đổi nêu dưới đây rồi lưu lại.");
        assertThat(HtmlPage.text(stale.byId("plan-problems"))).doesNotContain("Chưa lưu được, vui lòng");
        HtmlPage english = page(post(BAC_NINH).param("lang", "en").with(user(editor)).with(csrf())
                .param("year", "2029").param("version", "0").param("document_kind", "none")
                .param("status_VNEID", "deploying").with(responsible("VNEID", "Nguyễn Thị Hoa")), 409);
        assertThat(HtmlPage.text(english.byId("plan-problems")))
                .contains("Someone else saved a change while you were editing; nothing was saved.");
        assertThat(problems(stale)).containsExactly("Nền tảng " + rowName(stale, "VNEID")
                + ": trạng thái đã lưu hiện là “Đang sử dụng”.");
        assertThat(stale.byId("status_VNEID").getAttributeValue("aria-invalid")).isEqualTo("true");
        assertThat(HtmlPage.value(stale.byId("person_VNEID"))).isEqualTo("Trần Thị Bình");
        assertThat(selected(stale.byId("status_VNEID"))).isEqualTo("deploying");
        MultiValueMap<String, String> again = shown(stale);
        assertThat(again.getFirst("version")).as("the version now saved").isEqualTo("1");
        assertThat(platform(plan(2029), "VNEID").get("status").asString()).as("nothing saved").isEqualTo("in_use");

        assertThat(perform(post(BAC_NINH).with(user(editor)).with(csrf()).params(again)).getStatus())
                .as("sent again as it came back, it is saved").isEqualTo(302);
        JsonNode saved = platform(plan(2029), "VNEID");
        assertThat(saved.get("status").asString()).isEqualTo("deploying");
        assertThat(saved.get("person").asString()).isEqualTo("Trần Thị Bình");
    }

    @Test
    void aSaveFromThePlanFormKeepsEachPlatformsProgressStoredThroughTheApi() throws Exception {
        String token = accounts.token(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");
        Map<String, Object> declared = declaration(2028, "none", null, "VNEID", "deploying");
        @SuppressWarnings("unchecked")
        Map<String, Object> vneid = ((List<Map<String, Object>>) declared.get("platforms")).getFirst();
        vneid.put("target", "100% xã kết nối");
        vneid.put("progress", "Đã kết nối 80% xã, phường");
        api.put(token, "/api/v1/adoption/provinces/P-BAC-NINH-2025/plan", declared, 200);
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-BAC-NINH-2025");

        HtmlPage form = page(get(BAC_NINH).param("year", "2028").with(user(editor)));
        assertThat(HtmlPage.value(form.byId("progress_VNEID"))).isEqualTo("Đã kết nối 80% xã, phường");
        MultiValueMap<String, String> fields = shown(form);
        fields.set("person_VNEID", "Lê Văn Cường");
        assertThat(perform(post(BAC_NINH).with(user(editor)).with(csrf()).params(fields)).getStatus())
                .isEqualTo(302);

        JsonNode saved = platform(plan(2028), "VNEID");
        assertThat(saved.get("person").asString()).isEqualTo("Lê Văn Cường");
        assertThat(saved.get("target").asString()).isEqualTo("100% xã kết nối");
        assertThat(saved.get("progress").asString()).isEqualTo("Đã kết nối 80% xã, phường");
    }

    /** Hà Tĩnh's local platform form for an LGSP named {@code name}, checked and saved anyway with {@code reason}. */
    private static MockHttpServletRequestBuilder lgspSavedAnyway(UserDetails editor, String name, String reason) {
        return post("/adoption/provinces/P-HA-TINH/local-platforms").with(user(editor)).with(csrf())
                .param("checked", "true").param("name_vi", name)
                .param("description", "Tích hợp, chia sẻ dữ liệu giữa các hệ thống thông tin của tỉnh, kết nối trục"
                        + " NDXP quốc gia.")
                .param("functions", "Tích hợp, chia sẻ dữ liệu\nKết nối các cơ sở dữ liệu")
                .param("category", "government").param("save_anyway", "true").param("reason", reason);
    }

    @Test
    void aConfirmedLocalPlatformSentTwiceIsRegisteredOnceAndTheSecondSaysItIsThereAlready() throws Exception {
        String name = "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP) " + word();
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-TINH");
        MockHttpServletRequestBuilder confirmed = lgspSavedAnyway(editor, name,
                "Tỉnh đã đầu tư LGSP trước khi có NDXP.");
        assertThat(perform(confirmed).getStatus()).isEqualTo(302);

        HtmlPage again = page(confirmed, 400);

        assertThat(HtmlPage.texts(again.elementsOfClass("div", "problems").getFirst(), "li")).containsExactly(
                "Tên nền tảng (tiếng Việt): “" + name + "” đã có trong danh sách nền tảng của tỉnh; không đăng ký lại"
                        + " cùng một nền tảng (kể cả khi chọn vẫn lưu). Hãy sửa thông tin của nền tảng đã có, hoặc đặt"
                        + " tên khác nếu đây là một hệ thống khác.");
        assertThat(HtmlPage.value(again.byId("name_vi"))).isEqualTo(name);
        assertThat(LocalPlatformFixtures.names(api, "P-HA-TINH")).containsOnlyOnce(name);
    }

    @Test
    void aSaveAnywayWithoutAReasonComesBackTickedWithWhatWasTypedAndRegistersNothing() throws Exception {
        String word = word();
        String name = "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP) " + word;
        UserDetails editor = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HA-TINH");

        HtmlPage refused = page(lgspSavedAnyway(editor, name, " "), 400);

        assertThat(HtmlPage.texts(refused.elementsOfClass("div", "problems").getFirst(), "li")).containsExactly(
                "Lý do: bắt buộc khi vẫn lưu một nền tảng trùng hoặc chồng lấn với nền tảng số quốc gia, và khi gỡ một "
                        + "nền tảng khỏi danh sách của tỉnh; tối đa 2.000 ký tự.");
        assertThat(refused.byId("save_anyway").hasAttribute("checked")).as("still ticked").isTrue();
        assertThat(HtmlPage.value(refused.byId("name_vi"))).isEqualTo(name);
        assertThat(LocalPlatformFixtures.names(api, "P-HA-TINH")).as("nothing registered").doesNotContain(name);
    }
}
