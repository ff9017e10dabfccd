package vn.ndp.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.shared.VietnamTime;

/**
 * The recognition workflow in Debian's Chromium: a Finance ministry editor
 * proposes a platform and submits it, a reviewer evaluates it against the
 * criteria and recognises it, and the platform appears in the public catalogue.
 * Plain forms, no JavaScript needed.
 */
class GovernanceBrowserIntegrationTests extends BrowserIntegrationTest {

    static final String NAME = "Nền tảng học liệu số dùng chung (kiểm thử)";

    @Test
    void editorProposesReviewerEvaluatesAndRecognisesAndThePlatformAppearsInThePublishedList() {
        account("e2e-editor-btc", Role.MINISTRY_EDITOR, "BTC");
        account("e2e-reviewer", Role.REVIEWER, null);
        account("e2e-admin", Role.ADMIN, null);

        try (BrowserContext editorContext = DebianChromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN")
                .setJavaScriptEnabled(false))) {
            Page editor = signIn(editorContext, "e2e-editor-btc");
            editor.navigate(url("/governance/proposals/new"));
            editor.getByLabel("Mã nền tảng").fill("HOC-LIEU-SO-E2E");
            editor.getByLabel("Tên (tiếng Việt)").fill(NAME);
            editor.getByLabel("Mô tả (tiếng Việt)").fill("Kho học liệu số dùng chung cho các cơ sở giáo dục.");
            // coded fields are chosen by their labels, never typed as codes
            editor.getByLabel("Nhóm", new Page.GetByLabelOptions().setExact(true)).selectOption(
                    new com.microsoft.playwright.options.SelectOption().setLabel("Xã hội số"));
            editor.getByLabel("Loại", new Page.GetByLabelOptions().setExact(true)).selectOption(
                    new com.microsoft.playwright.options.SelectOption().setLabel("Nền tảng"));
            var scopes = editor.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Phạm vi triển khai"));
            scopes.getByLabel("Trung ương").check();
            scopes.getByLabel("Cấp tỉnh").check();
            DebianChromium.screenshot(editor, "governance-proposal-form");
            editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo bản nháp")).click();
            assertThat(editor.locator(".proposal-status")).hasText("Bản nháp");
            editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi thẩm định")).click();
            assertThat(editor.locator(".proposal-status")).hasText("Đã gửi");
            DebianChromium.screenshot(editor, "governance-submitted");
        }

        try (BrowserContext reviewerContext = DebianChromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN")
                .setJavaScriptEnabled(false))) {
            Page reviewer = signIn(reviewerContext, "e2e-reviewer");
            reviewer.navigate(url("/governance"));
            reviewer.locator(".queue").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName(NAME)).click();
            reviewer.getByLabel("Cấp độ an toàn hệ thống thông tin (Nghị định 85/2016/NĐ-CP)").selectOption("3");
            reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi kết quả thẩm định")).click();
            assertThat(reviewer.locator(".proposal-status")).hasText("Đang thẩm định");
            reviewer.getByLabel("Số quyết định").fill("2618/QĐ-BKHCN");
            // typed as Vietnamese documents write dates, whatever the browser's own language
            reviewer.getByLabel("Ngày quyết định").fill("05/01/2026");
            reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi quyết định")).click();
            // the decision is older than the proposal's submission today: the page asks to confirm, keeping the form
            assertThat(reviewer.locator(".problems")).containsText("Ngày quyết định 05/01/2026 trước ngày hồ sơ được gửi");
            assertThat(reviewer.getByLabel("Ngày quyết định")).hasValue("05/01/2026");
            reviewer.getByLabel("Tôi xác nhận quyết định được ban hành trước ngày hồ sơ được gửi.").check();
            reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi quyết định")).click();
            assertThat(reviewer.locator(".proposal-status")).hasText("Đã công nhận");
            DebianChromium.screenshot(reviewer, "governance-recognised");
        }

        try (BrowserContext visitor = DebianChromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = visitor.newPage();
            page.navigate(url("/platforms?q=hoc lieu so dung chung"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(NAME)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(NAME);
            assertThat(page.locator("#main")).containsText("2618/QĐ-BKHCN");
            assertThat(page.locator("#main")).containsText("05/01/2026");
            assertThat(page.locator("#main")).containsText("Xã hội số");
            assertThat(page.locator("#main")).containsText("Cấp tỉnh");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Xem lịch sử thay đổi")).click();
            assertThat(page.locator("#main")).containsText("Công nhận");
            assertThat(page.locator("#main")).containsText("Người kiểm thử e2e-reviewer (e2e-reviewer)");
            DebianChromium.screenshot(page, "governance-history");
        }

        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(java.time.LocalDate.now(VietnamTime.ZONE));
        try (BrowserContext adminContext = DebianChromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN")
                .setJavaScriptEnabled(false))) {
            Page admin = signIn(adminContext, "e2e-admin");
            admin.navigate(url("/lists"));
            admin.getByLabel("Tiêu đề").fill("Danh sách nền tảng số quốc gia (kiểm thử)");
            admin.getByLabel("Số văn bản").fill("99/E2E-KT");
            admin.getByLabel("Ngày văn bản").fill(today);
            admin.getByLabel("Cơ quan ban hành").fill("Bộ Khoa học và Công nghệ");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Công bố").setExact(true)).click();
            assertThat(admin.locator("#main")).containsText("99/E2E-KT");
        }

        try (BrowserContext visitor = DebianChromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = visitor.newPage();
            page.navigate(url("/lists"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("Danh sách nền tảng số quốc gia \\(kiểm thử\\)"))).first().click();
            assertThat(page.locator("#main")).containsText(NAME);
            assertThat(page.locator("#main")).containsText("99/E2E-KT");
            DebianChromium.screenshot(page, "governance-published-list");
        }
    }
}
