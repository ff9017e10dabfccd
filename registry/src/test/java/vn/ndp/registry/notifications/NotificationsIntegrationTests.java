package vn.ndp.registry.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.ApiTokens;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.governance.GovernanceEvent;

/** Governance events become in-app notices and e-mails, through a real SMTP server in the test JVM. */
@RegistryIntegrationTest
class NotificationsIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("ndp.notifications.base-url", () -> "https://ndp.example.vn");
        registry.add("ndp.notifications.retry-pause", () -> "PT0.1S");
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Notices notices;

    @Autowired
    RestTestClient client;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    /** A signed-in principal as NDP's filters would set it. */
    record Principal(CurrentUser currentUser) implements CurrentUser.Holder {
    }

    private void publishCommitted(GovernanceEvent event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Waits (bounded, no sleep) until a message to the address has arrived and returns it. */
    private MimeMessage mailTo(String address) throws Exception {
        for (int expected = 1; expected <= 200; expected++) {
            if (!smtp.waitForIncomingEmail(10_000, expected)) {
                break;
            }
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().equals(address))) {
                    return message;
                }
            }
        }
        throw new AssertionError("no e-mail to " + address);
    }

    @Test
    void aSubmittedProposalReachesEveryReviewerInAppAndByEmail() throws Exception {
        Account reviewer = accounts.create(Role.REVIEWER, null);
        Account editor = accounts.create(Role.MINISTRY_EDITOR, "BYT");
        UUID proposal = UUID.randomUUID();

        publishCommitted(new GovernanceEvent.ProposalSubmitted(proposal, "SO-KHAM-BENH", "Nền tảng Sổ khám bệnh",
                "Medical record book platform", "BYT", editor.username()));

        List<Notice> inbox = notices.of(reviewer.id(), 10);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.getFirst().subjectVi())
                .isEqualTo("Hồ sơ đề xuất nền tảng chờ thẩm định: Nền tảng Sổ khám bệnh (SO-KHAM-BENH)");
        assertThat(inbox.getFirst().subjectEn())
                .isEqualTo("Platform proposal awaiting evaluation: Medical record book platform (SO-KHAM-BENH)");
        assertThat(inbox.getFirst().bodyVi()).as("a name that says it is a platform is not called one twice")
                .contains("Bộ Y tế đã gửi hồ sơ đề xuất Nền tảng Sổ khám bệnh (SO-KHAM-BENH) (người gửi:");
        assertThat(inbox.getFirst().link()).isEqualTo("/governance/proposals/" + proposal);
        assertThat(notices.of(editor.id(), 10)).isEmpty();

        MimeMessage mail = mailTo(reviewer.email());
        assertThat(mail.getSubject()).isEqualTo("[NDP] " + inbox.getFirst().subjectVi());
        String body = GreenMailUtil.getBody(mail);
        String text = (String) mail.getContent();
        assertThat(body).isNotEmpty();
        assertThat(text).contains("Bộ Y tế đã gửi hồ sơ đề xuất Nền tảng Sổ khám bệnh",
                "Quyết định 1230/QĐ-BTTTT", "Xem chi tiết: https://ndp.example.vn/governance/proposals/" + proposal,
                "Platform proposal awaiting evaluation", "Ministry of Health submitted a proposal");
        assertThat(text.indexOf("Bộ Y tế")).isLessThan(text.indexOf("Ministry of Health"));
    }

    @Test
    void anAgencyTheDirectoryDoesNotKnowIsNamedByItsCodeWhichNoEnglishNoticeQuotesAsVietnamese() {
        Account reviewer = accounts.create(Role.REVIEWER, null);

        publishCommitted(new GovernanceEvent.ProposalSubmitted(UUID.randomUUID(), "CQ-LA-THU",
                "Nền tảng thử", "Test platform", "CQ-KHONG-RO", "someone"));
        publishCommitted(new GovernanceEvent.ChangeRequested(UUID.randomUUID(), "VHR", "CQ-KHONG-RO", "someone",
                null));

        assertThat(notices.of(reviewer.id(), 10)).hasSize(2).allSatisfy(n -> {
            assertThat(n.bodyEn()).startsWith("CQ-KHONG-RO ");
            assertThat(n.vietnameseInEn()).as("a code is in no language; both platforms have English names")
                    .isEmpty();
        });
    }

    @Test
    void aDecisionReachesTheEditorsOfTheSuccessorMinistryOnly() throws Exception {
        Account finance = accounts.create(Role.MINISTRY_EDITOR, "BTC");
        Account health = accounts.create(Role.MINISTRY_EDITOR, "BYT");

        publishCommitted(new GovernanceEvent.ProposalDecided(UUID.randomUUID(), "MANG-DAU-THAU-QG",
                "Hệ thống mạng đấu thầu quốc gia", null, "BKHDT", "reviewer",
                GovernanceEvent.Decision.RECOGNISED, "2765/BTTTT-CĐSQG", LocalDate.of(2023, 7, 15), null));

        assertThat(notices.of(health.id(), 10)).isEmpty();
        Notice notice = notices.of(finance.id(), 10).getFirst();
        assertThat(notice.bodyVi()).isEqualTo("Nền tảng Hệ thống mạng đấu thầu quốc gia (MANG-DAU-THAU-QG) được công "
                + "nhận là nền tảng số theo văn bản số 2765/BTTTT-CĐSQG ngày 15/07/2023.");
        assertThat(notice.bodyEn()).contains("has been recognised as a digital platform", "of 15 Jul 2023");
        MimeMessage mail = mailTo(finance.email());
        assertThat(mail.getSubject()).contains("Kết quả thẩm định", "được công nhận là nền tảng số");
    }

    @Test
    void aRejectedProposalIsNamedByItsProposedNameWithItsCodeSaysWhyAndPointsToTheProposal() throws Exception {
        Account editor = accounts.create(Role.MINISTRY_EDITOR, "BNV");
        UUID proposal = UUID.randomUUID();

        publishCommitted(new GovernanceEvent.ProposalDecided(proposal, "KHONG-CONG-NHAN", "Hệ thống hồ sơ công vụ",
                "Civil service records system", "BNV", "reviewer", GovernanceEvent.Decision.REJECTED, null, null,
                "Trùng lặp với VNeID"));

        assertThat(notices.of(editor.id(), 10)).singleElement().satisfies(n -> {
            assertThat(n.subjectVi()).isEqualTo(
                    "Kết quả thẩm định: nền tảng Hệ thống hồ sơ công vụ (KHONG-CONG-NHAN) không được công nhận");
            assertThat(n.bodyVi()).isEqualTo("Nền tảng Hệ thống hồ sơ công vụ (KHONG-CONG-NHAN) không được công nhận."
                    + " Lý do: Trùng lặp với VNeID");
            assertThat(n.bodyEn()).isEqualTo("The platform Civil service records system (KHONG-CONG-NHAN) has not been"
                    + " recognised. Reason: Trùng lặp với VNeID");
            assertThat(n.link()).isEqualTo("/governance/proposals/" + proposal);
        });
        assertThat((String) mailTo(editor.email()).getContent())
                .contains("không được công nhận. Lý do: Trùng lặp với VNeID",
                        "has not been recognised. Reason: Trùng lặp với VNeID");
    }

    @Test
    void returnedForChangesAndReevaluationDueTellTheOwnersEditorsWithTheReason() {
        Account editor = accounts.create(Role.MINISTRY_EDITOR, "BCA");

        UUID proposal = UUID.randomUUID();
        publishCommitted(new GovernanceEvent.ProposalReturned(proposal, "SAN-DU-LIEU", "Sàn dữ liệu", null, "BCA",
                "reviewer", "Bổ sung hồ sơ cấp độ an toàn thông tin"));
        publishCommitted(new GovernanceEvent.ReevaluationDue("SOC-QG", "BCA", "system", LocalDate.of(2026, 9, 11)));

        List<Notice> inbox = notices.of(editor.id(), 10);
        assertThat(inbox).extracting(Notice::kind).containsExactlyInAnyOrder("PROPOSAL_RETURNED", "REEVALUATION_DUE");
        assertThat(inbox).anySatisfy(n -> {
            assertThat(n.bodyVi()).contains("trả lại hồ sơ đề xuất nền tảng Sàn dữ liệu (SAN-DU-LIEU)",
                    "Lý do: Bổ sung hồ sơ cấp độ an toàn thông tin");
            assertThat(n.bodyEn()).contains("the platform Sàn dữ liệu (SAN-DU-LIEU) for changes");
            assertThat(n.link()).isEqualTo("/governance/proposals/" + proposal);
        });
        assertThat(inbox).anySatisfy(n -> assertThat(n.bodyVi()).contains("đến hạn đánh giá lại", "11/09/2026"));
    }

    @Test
    void aReevaluationNoticeNamesAPlatformWhoseNameSaysPlatformAndShowsItsCodeOnce() {
        Account editor = accounts.create(Role.MINISTRY_EDITOR, "BYT");
        publishCommitted(new GovernanceEvent.ReevaluationDue("VHR", "BYT", "system", LocalDate.of(2026, 12, 1)));

        assertThat(notices.of(editor.id(), 10)).filteredOn(n -> n.kind().equals("REEVALUATION_DUE")).first()
                .satisfies(n -> {
                    assertThat(n.subjectVi()).isEqualTo(
                            "Đến hạn đánh giá lại nền tảng: Nền tảng Hồ sơ sức khỏe điện tử (VHR)");
                    assertThat(n.bodyVi()).startsWith("Nền tảng Hồ sơ sức khỏe điện tử (VHR) đến hạn đánh giá lại"
                            + " hằng năm (hạn: 01/12/2026).");
                    assertThat(n.subjectEn()).isEqualTo("Platform re-evaluation due: Electronic health record"
                            + " platform (VHR)");
                    assertThat(n.bodyEn()).startsWith("The yearly re-evaluation of the Electronic health record"
                            + " platform (VHR) is due");
                });
    }

    @Test
    void suspensionAlsoReachesThePlatformsOperators() {
        Account operator = accounts.create(Role.OPERATOR, null, "TRO-LY-AO-QG");

        publishCommitted(new GovernanceEvent.PlatformSuspended("TRO-LY-AO-QG", "BCA", "admin", "Sự cố an ninh mạng",
                "Nghị định 85/2016/NĐ-CP"));

        assertThat(notices.of(operator.id(), 10)).singleElement()
                .satisfies(n -> assertThat(n.bodyVi()).contains("tạm dừng", "Lý do: Sự cố an ninh mạng",
                        "Căn cứ: Nghị định 85/2016/NĐ-CP."));
    }

    @Test
    void aRolledBackWorkflowNotifiesNobody() {
        Account editor = accounts.create(Role.MINISTRY_EDITOR, "VPCP");

        transaction.executeWithoutResult(status -> {
            events.publishEvent(new GovernanceEvent.PlatformRevoked("DVCQG", "VPCP", "admin", "thử", "thử"));
            status.setRollbackOnly();
        });

        assertThat(notices.of(editor.id(), 10)).isEmpty();
    }

    @Test
    void peopleReadTheirOwnNoticesAndMarkThemReadButNotOthers() {
        Account editor = accounts.create(Role.MINISTRY_EDITOR, "BYT");
        Account other = accounts.create(Role.MINISTRY_EDITOR, "BYT");
        String token = transaction.execute(s -> tokens.issue(CurrentUser.of(editor), "test", null).secret());
        String otherToken = transaction.execute(s -> tokens.issue(CurrentUser.of(other), "test", null).secret());
        publishCommitted(new GovernanceEvent.ChangeDecided(UUID.randomUUID(), "SSKDT", "BYT", "reviewer", true, null,
                null));
        UUID id = notices.of(editor.id(), 1).getFirst().id();

        client.get().uri("/api/v1/notifications").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.unread").isEqualTo(1)
                .jsonPath("$.items[0].subjectVi").isEqualTo("Đề nghị thay đổi được chấp thuận: Sổ sức khỏe điện tử (SSKDT)");
        client.post().uri("/api/v1/notifications/" + id + "/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + otherToken)
                .exchange().expectStatus().isNotFound();
        client.post().uri("/api/v1/notifications/" + id + "/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isNoContent();
        assertThat(notices.unread(editor.id())).isZero();
        assertThat(notices.unread(other.id())).isEqualTo(1);
    }

    @Test
    void theNotificationsPageListsTheNoticesWithTheUnreadCount() throws Exception {
        Account editor = accounts.create(Role.MINISTRY_EDITOR, "BYT");
        publishCommitted(new GovernanceEvent.ReevaluationDue("VHR", "BYT", "system", LocalDate.of(2026, 12, 1)));
        CurrentUser user = CurrentUser.of(editor);
        var authentication = new org.springframework.security.authentication.TestingAuthenticationToken(
                new Principal(user), "", List.copyOf(user.authorities()));
        authentication.setAuthenticated(true);

        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/notifications")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(authentication)))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html).contains("Chưa đọc: 1", "Đến hạn đánh giá lại nền tảng: Nền tảng Hồ sơ sức khỏe điện tử (VHR)",
                "01/12/2026", "Đánh dấu đã đọc");
    }
}
