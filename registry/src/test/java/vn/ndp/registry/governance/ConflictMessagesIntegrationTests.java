package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.catalog.PlatformField;

/**
 * What a governance page says when an action was based on a version that has moved on: all in the page's language,
 * states by their labels, no stored values or versions in the API's English, and no conflict at all for an action
 * sent twice whose result is already there.
 */
@RegistryIntegrationTest
class ConflictMessagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RecognitionDesk desk;

    @Autowired
    ChangeDesk changes;

    @Test
    void aProposalSubmittedTwiceByADoubleClickIsSaidToBeSubmittedNotInConflict() throws Exception {
        Account account = accounts.create(Role.MINISTRY_EDITOR, "BTC");
        Proposal p = draft(CurrentUser.of(account));
        UserDetails editor = accounts.signedIn(account);

        mvc.perform(post("/governance/proposals/" + p.id() + "/submit").with(user(editor)).with(csrf())
                .param("version", String.valueOf(p.version())));
        MvcResult again = mvc.perform(post("/governance/proposals/" + p.id() + "/submit").with(user(editor))
                .with(csrf()).param("version", String.valueOf(p.version()))).andReturn();

        assertThat(again.getResponse().getStatus()).isEqualTo(302);
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/governance/proposals/" + p.id());
        String page = mvc.perform(get("/governance/proposals/" + p.id()).with(user(editor))
                .flashAttrs(again.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(HtmlPage.text(HtmlPage.parse(page).byId("already-done"))).isEqualTo("Hồ sơ đã được gửi thẩm định.");
        assertThat(HtmlPage.parse(page).elementsOfClass("div", "problems")).isEmpty();
        assertThat(desk.get(p.id(), CurrentUser.of(account)).status()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void aStaleActionOnAProposalIsSaidInVietnameseWithItsStateLabelledAndNoVersionNumbers() throws Exception {
        Account account = accounts.create(Role.MINISTRY_EDITOR, "BTC");
        CurrentUser editor = CurrentUser.of(account);
        Proposal p = draft(editor);
        desk.handle(p.id(), p.version(), new ProposalCommand.Submit(), editor);

        String page = mvc.perform(post("/governance/proposals/" + p.id() + "/withdraw")
                .with(user(accounts.signedIn(account))).with(csrf())
                .param("version", String.valueOf(p.version()))).andReturn().getResponse().getContentAsString();

        String problem = HtmlPage.text(HtmlPage.parse(page).elementsOfClass("div", "problems").getFirst());
        assertThat(problem).startsWith("Mục này đã được thay đổi sau khi bạn mở trang")
                .contains("Đề xuất nền tảng " + p.platformCode() + " hiện ở trạng thái “Đã gửi”")
                .doesNotContain("Người khác", "SUBMITTED", "version", "Nothing was saved", "Proposal ")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(desk.get(p.id(), editor).status()).as("nothing saved").isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void approvingAChangeRequestWhoseFieldMovedSinceItWasAskedSaysWhatMovedInVietnameseWithLabelledValues()
            throws Exception {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        String code = recognised(editor);
        ChangeRequest first = changes.request(code, 0, Map.of(PlatformField.SECURITY_LEVEL, "4"), "Nâng cấp độ",
                null, List.of(), editor).pending();
        // not the same change (an identical one waiting is refused): the same field, asked from the same value
        ChangeRequest second = changes.request(code, 0, Map.of(PlatformField.SECURITY_LEVEL, "5"), "Nâng cấp độ",
                null, List.of(), editor).pending();
        changes.decide(first.id(), first.version(), ChangeStatus.Action.APPROVE, null,
                CurrentUser.of(accounts.create(Role.REVIEWER, null)));

        String page = mvc.perform(post("/governance/changes/" + second.id() + "/decision")
                .with(user(accounts.signedIn(Role.REVIEWER, null))).with(csrf())
                .param("version", String.valueOf(second.version())).param("action", "approve"))
                .andReturn().getResponse().getContentAsString();

        List<String> lines = HtmlPage.texts(HtmlPage.parse(page).elementsOfClass("div", "problems").getFirst(), "li");
        assertThat(lines).containsExactly("Cấp độ an toàn (1–5): lúc gửi đề nghị là “3”, nay đã là “4”. Đề nghị này"
                + " không còn áp dụng được: hãy từ chối và đề nghị biên tập viên gửi đề nghị mới nếu vẫn cần.");
        assertThat(changes.get(second.id(), editor).status()).isEqualTo(ChangeStatus.PENDING);
    }

    private Proposal draft(CurrentUser editor) {
        String code = "CONFLICT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return desk.draft(editor, code, ProposalFlow.platform("Nền tảng thử xung đột " + code,
                "Nền tảng để kiểm thử lời báo khi dữ liệu đã thay đổi."));
    }

    /** A platform of the Ministry of Finance listed through the workflow at security level 3, at version 0. */
    private String recognised(CurrentUser editor) {
        CurrentUser reviewer = CurrentUser.of(accounts.create(Role.REVIEWER, null));
        return ProposalFlow.recognised(desk, draft(editor), editor, reviewer).platformCode();
    }
}
