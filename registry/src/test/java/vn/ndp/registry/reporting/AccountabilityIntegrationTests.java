package vn.ndp.registry.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.notifications.Notices;

@RegistryIntegrationTest
class AccountabilityIntegrationTests {

    @Autowired
    Accountability accountability;

    @Autowired
    RestTestClient client;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Notices notices;

    @Autowired
    AuditLog audit;

    private static java.util.List<String> codes(java.util.List<Accountability.AgencyStatus> statuses) {
        return statuses.stream().map(s -> s.agency().code()).toList();
    }

    @Test
    void beforeTheMergersTheReferenceOwnersHaveAnnouncedOfTwentyFourCentralAgencies() {
        Accountability.Report report = accountability.report(LocalDate.of(2024, 6, 1));

        // the 24 ministries, ministerial-level and government agencies of 1 June 2024 in the reference data
        assertThat(report.total()).isEqualTo(24);
        assertThat(codes(report.announced())).contains("VPCP", "BYT", "BTTTT", "BKHDT");
        // the police's 13 platforms are on the list of Decision 2618/QĐ-BKHCN of 11 September 2025
        assertThat(codes(report.notAnnounced())).contains("BNG", "VTV", "BCA").doesNotContain("BNNMT");
    }

    @Test
    void anAgencyHasAnnouncedFromTheDecisionThatListsItsPlatforms() {
        Accountability.Report report = accountability.report(LocalDate.of(2025, 9, 11));

        Accountability.AgencyStatus police = report.announced().stream()
                .filter(s -> s.agency().code().equals("BCA")).findFirst().orElseThrow();
        assertThat(police.platforms()).isGreaterThanOrEqualTo(13);
        assertThat(police.lastUpdate()).isNotNull();
    }

    @Test
    void afterTheMergersTheSuccessorsCarryTheirPredecessorsPlatforms() {
        Accountability.Report report = accountability.report(LocalDate.of(2025, 6, 1));

        assertThat(report.total()).isEqualTo(19);
        assertThat(codes(report.announced())).contains("BTC", "BKHCN").doesNotContain("BKHDT", "BTTTT");
    }

    @Test
    void aReviewerRemindsAnAgencysEditorsAndItIsAudited() {
        Account editor = accounts.create(Role.MINISTRY_EDITOR, "BNG");
        String reviewer = accounts.token(Role.REVIEWER, null);

        client.post().uri("/api/v1/accountability/BNG/remind").header(HttpHeaders.AUTHORIZATION, "Bearer " + reviewer)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.recipients").isEqualTo(1);

        assertThat(notices.of(editor.id(), 5)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("REMINDER");
            assertThat(n.subjectVi()).isEqualTo("Đề nghị công bố nền tảng số của Bộ Ngoại giao");
        });
        assertThat(audit.find(new AuditLog.Filter(AuditEvent.REMINDER_SENT, null, "BNG", null, null), 5, 0))
                .isNotEmpty();
    }

    @Test
    void onlyTheAuthoritySendsRemindersAndOnlyToCentralAgencies() throws Exception {
        String editor = accounts.token(Role.MINISTRY_EDITOR, "BYT");
        String admin = accounts.token(Role.ADMIN, null);

        client.post().uri("/api/v1/accountability/BNG/remind").header(HttpHeaders.AUTHORIZATION, "Bearer " + editor)
                .exchange().expectStatus().isForbidden();
        client.post().uri("/api/v1/accountability/P-HA-NOI/remind").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange().expectStatus().isBadRequest();
        client.post().uri("/api/v1/accountability/NO-SUCH/remind").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange().expectStatus().isNotFound();
        // the police announced 13 platforms: a reminder would tell its editors they have announced none
        client.post().uri("/api/v1/accountability/BCA/remind").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("has announced"));
        var reviewer = user(accounts.signedIn(Role.REVIEWER, null));
        var refused = mvc.perform(post("/accountability/BCA/remind").with(reviewer).with(csrf())).andReturn();
        mvc.perform(get("/accountability").flashAttrs(refused.getFlashMap()).with(reviewer))
                .andExpect(content().string(Matchers.containsString("Bộ Công an đã công bố")));
        mvc.perform(get("/accountability").param("lang", "en").flashAttrs(refused.getFlashMap()).with(reviewer))
                .andExpect(content().string(Matchers.containsString("Ministry of Public Security has announced")));
        var province = mvc.perform(post("/accountability/P-HA-NOI/remind").with(reviewer).with(csrf())).andReturn();
        mvc.perform(get("/accountability").flashAttrs(province.getFlashMap()).with(reviewer))
                .andExpect(content().string(Matchers.containsString("Nhắc nhở chỉ gửi tới bộ, cơ quan ngang bộ và cơ"
                        + " quan thuộc Chính phủ")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("is not a central agency"))));
        mvc.perform(get("/accountability").param("lang", "en").flashAttrs(province.getFlashMap()).with(reviewer))
                .andExpect(content().string(Matchers.containsString("Reminders go only to ministries")));
        mvc.perform(get("/accountability").param("asOf", "28/02/2025").with(user("r").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/remind"))));
        mvc.perform(get("/accountability").with(user("r").roles("REVIEWER")))
                .andExpect(content().string(Matchers.containsString("/accountability/BNG/remind")));
    }

    @Test
    void thePublicSeesTheCountAndReviewersSeeTheTable() throws Exception {
        client.get().uri("/api/v1/stats/accountability?asOf=2024-06-01").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(24);
        client.get().uri("/api/v1/accountability").exchange().expectStatus().isUnauthorized();
        mvc.perform(get("/accountability").with(user("r").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Bộ Ngoại giao")))
                .andExpect(content().string(Matchers.containsString("Số liệu đã công bố: 18 trên 29")));
        mvc.perform(get("/accountability").with(user("e").roles("MINISTRY_EDITOR")))
                .andExpect(status().isForbidden());
    }
}
