package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/** The governance pages as a signed-in editor and reviewer see them: forms, escaping, conflicts. */
@RegistryIntegrationTest
class GovernancePagesIntegrationTests {

    static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserDetailsService users;

    UserDetails signIn(Role role, String agency) {
        Account account = accounts.create(role, agency);
        return users.loadUserByUsername(account.username());
    }

    @Test
    void markupTypedIntoAProposalIsShownAsTextNeverAsMarkup() throws Exception {
        UserDetails editor = signIn(Role.MINISTRY_EDITOR, "BTC");
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
    void anEditorSeesTheConflictWhenSomeoneChangedTheEntryFirst() throws Exception {
        UserDetails editor = signIn(Role.MINISTRY_EDITOR, "BTC");
        String form = mvc.perform(get("/governance/platforms/MANG-DAU-THAU-QG/changes").with(user(editor)))
                .andReturn().getResponse().getContentAsString();
        String version = form.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        mvc.perform(post("/governance/platforms/MANG-DAU-THAU-QG/changes").with(user(editor)).with(csrf())
                .param("version", version).param("operator_contact", "Phòng Quản lý đấu thầu " + SCRIPT));
        String conflict = mvc.perform(post("/governance/platforms/MANG-DAU-THAU-QG/changes").with(user(editor))
                .with(csrf()).param("version", version).param("operator_contact", "Người thứ hai"))
                .andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Người khác vừa thay đổi mục này", "operator_contact",
                "Phòng Quản lý đấu thầu &lt;script&gt;").doesNotContain(SCRIPT);
        String history = mvc.perform(get("/platforms/MANG-DAU-THAU-QG/history")).andReturn().getResponse()
                .getContentAsString();
        assertThat(history).contains("Cập nhật thông tin liên hệ", "Đầu mối liên hệ", "&lt;script&gt;")
                .doesNotContain(SCRIPT).doesNotContain("Người thứ hai");
    }

    @Test
    void aProvinceEditorIsRefusedTheProposalForm() throws Exception {
        UserDetails province = signIn(Role.PROVINCE_EDITOR, "P-HA-NOI");
        assertThat(mvc.perform(get("/governance/proposals/new").with(user(province))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/governance/proposals").with(user(province)).with(csrf()).param("code", "X-1")
                .param("name_vi", "x")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theReviewerSeesTheQueueAndTheReevaluationList() throws Exception {
        UserDetails reviewer = signIn(Role.REVIEWER, null);
        String home = mvc.perform(get("/governance").with(user(reviewer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains("Đề xuất chờ thẩm định", "Đánh giá lại hằng năm");
        String due = mvc.perform(get("/governance/reevaluations").with(user(reviewer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(due).contains("Hạn đánh giá lại", "Quá hạn");
    }

    @Test
    void aProposalThatDuplicatesAnExistingPlatformWarnsTheEditorAndTheReviewer() throws Exception {
        UserDetails editor = signIn(Role.MINISTRY_EDITOR, "BTC");
        String code = "DUPTEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String location = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                        .param("code", code).param("name_vi", "Cong dich vu cong truc tuyen cua Bo Tai chinh")
                        .param("description_vi", "Tiếp nhận hồ sơ thủ tục hành chính, thanh toán trực tuyến và "
                                + "trả kết quả dịch vụ công cho người dân, doanh nghiệp")
                        .param("category", "government").param("type", "information_system"))
                .andReturn().getResponse().getRedirectedUrl();
        String asEditor = mvc.perform(get(location).with(user(editor))).andReturn().getResponse()
                .getContentAsString();
        assertThat(asEditor).contains("Nền tảng đã có có thể trùng lặp", "/platforms/DVCQG");
        UserDetails reviewer = signIn(Role.REVIEWER, null);
        String asReviewer = mvc.perform(get(location).with(user(reviewer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(asReviewer).contains("Nền tảng đã có có thể trùng lặp", "/platforms/DVCQG");
    }

    @Test
    void aProposalUnlikeAnyExistingPlatformShowsNoWarning() throws Exception {
        UserDetails editor = signIn(Role.MINISTRY_EDITOR, "BTC");
        String code = "UNIQUE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String location = mvc.perform(post("/governance/proposals").with(user(editor)).with(csrf())
                        .param("code", code).param("name_vi", "Hệ thống quản lý kho bạc nhà nước về tàu biển")
                        .param("description_vi", "Theo dõi đăng kiểm tàu cá và cảng biển")
                        .param("category", "economy").param("type", "information_system"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(location).with(user(editor))).andReturn().getResponse().getContentAsString())
                .doesNotContain("Nền tảng đã có có thể trùng lặp");
    }
}
