package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import vn.ndp.registry.Browser;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.governance.GovernanceSettings;
import vn.ndp.registry.shared.Sizes;
import vn.ndp.registry.support.SupportSettings;

@RegistryIntegrationTest
class UploadLimitsIntegrationTests {

    /** What application.yml keeps of the request's limit for the form's fields and the multipart framing. */
    private static final DataSize ROOM_FOR_THE_FIELDS = DataSize.ofMegabytes(5);

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MultipartConfigElement multipart;

    @Autowired
    SupportSettings support;

    @Autowired
    GovernanceSettings governance;

    @Test
    void aSubmissionOverTheLimitGetsAPageThatStatesItAndNothingIsSaved() {
        assertRefusedWithThePage(true);
    }

    @Test
    void aSubmissionFoundTooLargeOnlyWhileReadingGetsTheSamePage() {
        assertRefusedWithThePage(false);
    }

    @Test
    void theLimitTakesEverySupportAttachmentAtItsLargestWithRoomForTheFields() {
        long files = support.maxAttachments() * support.maxAttachmentSize().toBytes();
        assertThat(multipart.getMaxRequestSize()).isGreaterThanOrEqualTo(files + ROOM_FOR_THE_FIELDS.toBytes());
        assertThat(multipart.getMaxRequestSize()).isGreaterThan(3 * governance.maxDocumentSize().toBytes());
        // a file over its form's own limit reaches the form, which names it and keeps what was typed
        assertThat(multipart.getMaxFileSize()).isEqualTo(multipart.getMaxRequestSize());
    }

    private void assertRefusedWithThePage(boolean declareLength) {
        DataSize limit = DataSize.ofBytes(multipart.getMaxRequestSize());
        var editor = accounts.create(Role.MINISTRY_EDITOR, "BTC");
        Browser browser = new Browser(port).signIn(editor.username(), TestAccounts.PASSWORD);
        browser.get("/support/new");
        String subject = "Quá lớn " + UUID.randomUUID();
        HttpResponse<String> refused = browser.postMultipart("/support",
                Map.of("platformCode", "VNEID", "subject", subject, "description", "Mô tả", "priority", "normal"),
                "bien-ban.pdf", Math.toIntExact(limit.toBytes() + DataSize.ofMegabytes(5).toBytes()), declareLength);

        assertThat(refused.statusCode()).isEqualTo(413);
        String text = HtmlPage.text(HtmlPage.parse(refused.body()).byId("main"));
        assertThat(text).contains("Tệp gửi lên quá lớn", "vượt quá " + Sizes.text(limit), "chưa có gì được lưu",
                "Quay lại", "chọn lại");
        assertThat(jdbc.sql("select count(*) from support_request where subject = ?").param(subject)
                .query(Long.class).single()).isZero();
    }
}
