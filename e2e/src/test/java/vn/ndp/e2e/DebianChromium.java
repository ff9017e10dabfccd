package vn.ndp.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Debian Chromium (apt packages chromium, chromium-driver) driven by
 * Playwright for the whole browser test run, closed when the run ends. The
 * flags keep it off the network this machine does not have.
 * Use with {@code @ExtendWith(DebianChromium.class)} and {@link #browser()}.
 */
final class DebianChromium implements BeforeAllCallback {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DebianChromium.class);
    private static volatile Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, type -> new Shared(), Shared.class);
    }

    static Browser browser() {
        return shared.browser;
    }

    /** Saves a full-page screenshot when -Dndp.e2e.screenshots=DIR is set, for a person to look at. */
    static void screenshot(Page page, String name) {
        String directory = System.getProperty("ndp.e2e.screenshots");
        if (directory != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(directory, name + ".png")).setFullPage(true));
        }
    }

    private static final class Shared implements AutoCloseable {

        final Playwright playwright = Playwright.create();
        final Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));

        Shared() {
            shared = this;
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
