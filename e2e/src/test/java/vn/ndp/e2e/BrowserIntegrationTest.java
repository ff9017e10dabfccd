package vn.ndp.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.RegistryApplication;
import vn.ndp.registry.accounts.Accounts;
import vn.ndp.registry.accounts.Role;

/**
 * A browser test: the registry in-process on a random port and a throw-away
 * embedded PostgreSQL with the shipped reference data, Debian's Chromium
 * through {@link DebianChromium}, and the steps every scenario needs (accounts,
 * signing in, addresses). Subclasses share one application context: give
 * accounts and data unique names.
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ndp.data-dir=${java.io.tmpdir}/ndp-e2e/${random.uuid}", "ndp.db.throwaway=true"})
@ExtendWith(DebianChromium.class)
abstract class BrowserIntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TransactionTemplate transaction;

    void account(String username, Role role, String agency) {
        transaction.executeWithoutResult(status -> accounts.create(new Accounts.NewAccount(username,
                "Người kiểm thử " + username, username + "@example.test", role, agency, Set.of(), PASSWORD), "e2e"));
    }

    Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*(?<!/login)(\\?.*)?$"));
        return page;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
