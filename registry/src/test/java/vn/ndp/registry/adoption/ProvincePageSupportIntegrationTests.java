package vn.ndp.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.exchange.UsageStatistics;
import vn.ndp.registry.support.Priority;
import vn.ndp.registry.support.SupportDesk;

/** The per-province page lists the province's support requests to those who may see them. */
@RegistryIntegrationTest
class ProvincePageSupportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    SupportDesk support;

    @Test
    void theProvincesEditorSeesItsSupportRequestsAndAnonymousVisitorsDoNot() throws Exception {
        Account editor = accounts.create(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String subject = "Không đồng bộ được hồ sơ " + UUID.randomUUID().toString().substring(0, 6);
        support.open(CurrentUser.of(editor), new SupportDesk.NewRequest("DVCQG", subject,
                "Hồ sơ nộp trực tuyến không về hệ thống một cửa của thành phố.", Priority.HIGH, List.of()));
        UserDetails signedIn = users.loadUserByUsername(editor.username());

        String asEditor = mvc.perform(get("/adoption/provinces/P-HA-NOI").with(user(signedIn)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asEditor).contains("Yêu cầu hỗ trợ gửi đơn vị vận hành", subject);

        // both pages render (the plans heading is there), so the subject is missing because it is hidden
        String asVisitor = mvc.perform(get("/adoption/provinces/P-HA-NOI")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(asVisitor).contains("plans-heading").doesNotContain(subject);
        assertThat(asVisitor).as("the usage chart says how many days it covers")
                .contains("(" + UsageStatistics.RECENT_DAYS + " ngày gần nhất)");

        UserDetails otherProvince = accounts.signedIn(Role.PROVINCE_EDITOR, "P-HUE");
        assertThat(mvc.perform(get("/adoption/provinces/P-HA-NOI").with(user(otherProvince)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("plans-heading").doesNotContain(subject);
    }

    @Test
    void theProvincePageShowsTheLatestTwentyRequestsAndLinksToTheFilteredQueueForTheRest() throws Exception {
        Account editor = accounts.create(Role.PROVINCE_EDITOR, "P-HA-NOI");
        String token = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 21; i++) {
            support.open(CurrentUser.of(editor), new SupportDesk.NewRequest("DVCQG", "Yêu cầu số " + i + " " + token,
                    "Kiểm tra danh sách trên trang tỉnh.", Priority.LOW, List.of()));
        }
        UserDetails signedIn = users.loadUserByUsername(editor.username());

        String page = mvc.perform(get("/adoption/provinces/P-HA-NOI").with(user(signedIn)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Yêu cầu số 21 " + token, "Yêu cầu số 2 " + token, "Xem tất cả",
                "/support?agency=P-HA-NOI").doesNotContain("Yêu cầu số 1 " + token);
    }
}
