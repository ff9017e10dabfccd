package vn.ndp.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.shared.VietnamTime;

/**
 * Local adoption in Debian's Chromium, with plain forms and no JavaScript: a
 * Cao Bằng province editor declares this year's plan (VNeID in use, with the
 * responsible department and person), the province turns "in use" on the
 * public map, and a local platform that duplicates NDXP is saved only after the
 * editor confirms it with a reason.
 */
class AdoptionBrowserIntegrationTests extends BrowserIntegrationTest {

    static final String VNEID = "Nền tảng định danh và xác thực điện tử (VNeID)";

    @Test
    void provinceEditorDeclaresAPlanAndTheProvinceTurnsInUseOnTheMap() {
        account("e2e-cao-bang", Role.PROVINCE_EDITOR, "P-CAO-BANG");
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        int year = today.getYear();

        try (BrowserContext visitor = DebianChromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = visitor.newPage();
            page.navigate(url("/adoption"));
            assertThat(page.locator("a[data-province='P-CAO-BANG']")).hasAttribute("data-level", "none");
        }

        try (BrowserContext context = DebianChromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN")
                .setJavaScriptEnabled(false))) {
            Page editor = signIn(context, "e2e-cao-bang");
            editor.navigate(url("/adoption/provinces/P-CAO-BANG"));
            editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Khai báo kế hoạch năm " + year))
                    .click();
            editor.getByLabel("Hình thức công bố").selectOption("plan");
            editor.getByLabel("Số văn bản").fill("45/KH-UBND");
            editor.getByLabel("Ngày ban hành").fill(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today));
            editor.getByLabel(VNEID, new Page.GetByLabelOptions().setExact(true)).selectOption("in_use");
            editor.getByLabel("Đơn vị phụ trách — " + VNEID, new Page.GetByLabelOptions().setExact(true))
                    .fill("Công an tỉnh");
            editor.getByLabel("Người phụ trách — " + VNEID, new Page.GetByLabelOptions().setExact(true))
                    .fill("Hoàng Văn Thụ");
            editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu kế hoạch")).click();
            assertThat(editor.locator("#main")).containsText("Đã lưu kế hoạch năm " + year);
            assertThat(editor.locator("article.plan[data-year='" + year + "']")).containsText("Hoàng Văn Thụ");
            assertThat(editor.locator("article.plan[data-year='" + year + "']")).containsText("Đang sử dụng");
            DebianChromium.screenshot(editor, "adoption-province");

            editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thêm nền tảng địa phương")).click();
            editor.getByLabel("Tên nền tảng (tiếng Việt)").fill("Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Cao Bằng");
            editor.getByLabel("Mô tả").fill("Tích hợp, chia sẻ dữ liệu giữa các hệ thống thông tin của tỉnh,"
                    + " kết nối trục NDXP quốc gia.");
            editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kiểm tra trùng lặp và lưu"))
                    .click();
            assertThat(editor.locator(".overlap-warning")).containsText("NDXP");
            DebianChromium.screenshot(editor, "adoption-overlap-warning");
            editor.getByLabel("Vẫn lưu — tôi đã xem các nền tảng quốc gia ở trên").check();
            editor.getByLabel("Lý do vẫn triển khai (bắt buộc)").fill("Đã đầu tư trước năm 2020, đang chuyển dần.");
            editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
            assertThat(editor.locator("#main")).containsText("Đã lưu nền tảng địa phương.");
            assertThat(editor.locator("#local-heading + .table-wrap")).containsText("Đã đầu tư trước năm 2020");
        }

        try (BrowserContext visitor = DebianChromium.browser().newContext(new Browser.NewContextOptions().setLocale("vi-VN"))) {
            Page page = visitor.newPage();
            page.navigate(url("/adoption"));
            assertThat(page.locator("a[data-province='P-CAO-BANG']")).hasAttribute("data-level", "in_use");
            assertThat(page.locator("tr[data-kpi='provinces_deploying'] td.computed")).hasText("1/34");
            DebianChromium.screenshot(page, "adoption-map");
            page.locator("a[data-province='P-CAO-BANG']").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Tỉnh Cao Bằng");
            assertThat(page.locator("#main")).containsText("Công an tỉnh");
            assertThat(page.locator("#main")).not().containsText("0203");
        }
    }
}
