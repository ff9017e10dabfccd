package vn.ndp.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public catalogue in Debian's Chromium, driven by Playwright: the
 * registry runs in-process on a throw-away embedded PostgreSQL with the
 * shipped reference data.
 */
class CatalogueBrowserIntegrationTests extends BrowserIntegrationTest {

    Page page;

    @AfterEach
    void closePage() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void visitorSearchesWithoutDiacriticsFiltersByAFacetAndOpensAPlatform() {
        // The pages work without JavaScript: plain links and GET forms.
        page = DebianChromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900).setLocale("vi-VN")
                .setJavaScriptEnabled(false));
        page.navigate(url("/platforms"));
        assertThat(page).hasTitle(Pattern.compile("Nền tảng"));
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Danh mục nền tảng")))
                .isVisible();
        screenshot("catalogue");

        Locator search = page.getByLabel("Từ khóa", new Page.GetByLabelOptions().setExact(true));
        search.fill("cong dich vu cong");
        search.press("Enter");
        page.waitForURL(Pattern.compile(".*q=cong.*"));
        Locator results = page.locator(".platform-list");
        assertThat(results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Cổng Dịch vụ công quốc gia"))).isVisible();
        screenshot("search");

        page.navigate(url("/platforms"));
        Locator ownerFacet = page.locator("section.facet").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cơ quan chủ quản"))));
        ownerFacet.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Văn phòng Chính phủ")))
                .click();
        page.waitForURL(Pattern.compile(".*owner=VPCP.*"));
        assertThat(page.locator(".chips")).containsText("Cơ quan chủ quản: Văn phòng Chính phủ");
        assertThat(results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Cổng Dịch vụ công quốc gia"))).isVisible();
        assertThat(results).not().containsText("VNeID");
        int filtered = results.locator("> li").count();
        assertThat(filtered).isBetween(1, 24);
        screenshot("facet");

        results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cổng Dịch vụ công quốc gia")).click();
        page.waitForURL(Pattern.compile(".*/platforms/DVCQG.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Cổng Dịch vụ công quốc gia");
        assertThat(page.locator("#owner-heading + dl")).containsText("Văn phòng Chính phủ");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Lịch sử cơ quan chủ quản")))
                .isVisible();
        screenshot("detail");
    }

    @Test
    void everyPageFitsAPhoneAndADesktopWithoutSidewaysScrolling() {
        page = DebianChromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(390, 844).setLocale("vi-VN"));
        List<String> paths = List.of("/", "/platforms", "/platforms/MANG-DAU-THAU-QG", "/agencies",
                "/agencies/P-TUYEN-QUANG-2025", "/statistics", "/platforms/NO-SUCH", "/platforms?asOf=2024-13-40");
        for (int width : List.of(390, 1280)) {
            page.setViewportSize(width, width == 390 ? 844 : 900);
            for (String path : paths) {
                page.navigate(url(path));
                double overflow = ((Number) page.evaluate(
                        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .doubleValue();
                assertThat(overflow).as("sideways scrolling of %s at %d px", path, width).isLessThanOrEqualTo(0);
                String name = (width == 390 ? "phone" : "desktop")
                        + (path.equals("/") ? "-home" : path.replaceAll("[^A-Za-z0-9]+", "-"));
                if (width == 390) {
                    screenshot(name + "-1", 0);
                    screenshot(name + "-2", 1200);
                } else {
                    screenshot(name);
                }
            }
        }
    }

    private void screenshot(String name) {
        DebianChromium.screenshot(page, name);
    }

    /** Saves 1200 pixels of the page from {@code top}, the size a phone shows in about two screens. */
    private void screenshot(String name, int top) {
        String directory = System.getProperty("ndp.e2e.screenshots");
        int height = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
        if (directory != null && height > top) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(directory, name + ".png")).setFullPage(true)
                    .setClip(0, top, page.viewportSize().width, Math.min(1200, height - top)));
        }
    }
}
