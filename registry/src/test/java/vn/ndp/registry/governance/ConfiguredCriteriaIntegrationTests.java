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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/** A criteria group configured beyond the default eight, which has no label of its own, as the reviewer sees it. */
@RegistryIntegrationTest
@TestPropertySource(properties = "ndp.governance.criteria=technical,cybersecurity,functions,adoption,enterprise,"
        + "service_model,personal_data,data_in_vietnam,interoperability")
class ConfiguredCriteriaIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RecognitionDesk desk;

    @Test
    void aCriterionWithoutALabelIsAskedAndRefusedByItsNameWithTheSameSentenceAsTheOthers() throws Exception {
        assertThat(desk.settings().criteria()).hasSize(9).endsWith("interoperability");
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        String code = "CRITTEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Proposal p = ProposalFlow.submitted(desk, desk.draft(editor, code, ProposalFlow.platform(
                "Nền tảng thử tiêu chí " + code, "Nền tảng để kiểm thử một nhóm tiêu chí được cấu hình thêm.")), editor);
        UserDetails reviewer = accounts.signedIn(Role.REVIEWER, null);

        HtmlPage form = HtmlPage.parse(mvc.perform(get("/governance/proposals/" + p.id()).with(user(reviewer)))
                .andReturn().getResponse().getContentAsString());
        assertThat(HtmlPage.texts(form.byId("result-interoperability").getParent().getParent(), "legend"))
                .containsExactly("interoperability");
        assertThat(HtmlPage.texts(form.byId("result-technical").getParent().getParent(), "legend"))
                .containsExactly("Tiêu chí kỹ thuật");

        MockHttpServletRequestBuilder evaluation = post("/governance/proposals/" + p.id() + "/evaluation")
                .with(user(reviewer)).with(csrf()).param("version", String.valueOf(p.version()))
                .param("security_level", "3").param("security_dossier_approved", "true");
        for (String criterion : desk.settings().criteria().subList(0, 8)) {
            evaluation.param("result." + criterion, "meets");
        }
        evaluation.param("result.interoperability", "does_not_meet");
        var response = mvc.perform(evaluation).andReturn().getResponse();
        assertThat(response.getStatus()).as("the form again, with the refusal's status as every refused form")
                .isEqualTo(400);
        HtmlPage refused = HtmlPage.parse(response.getContentAsString());

        assertThat(HtmlPage.texts(refused.elementsOfClass("div", "problems").getFirst(), "li")).containsExactly(
                "interoperability: chọn một kết quả; khi đáp ứng một phần hoặc không đáp ứng, ghi nhận xét nêu điểm"
                        + " chưa đạt; nhận xét tối đa 4.000 ký tự.");
        assertThat(desk.get(p.id(), editor).evaluation()).isNull();

        String english = mvc.perform(evaluation.param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("interoperability: choose a result; when partly met or not met, comment on what"
                + " falls short; comments at most 4,000 characters.");
    }
}
