package vn.ndp.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.API;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.cemeteries;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.register;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.streetTrees;
import static vn.ndp.registry.adoption.LocalPlatformFixtures.word;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.StatementLog;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/** What the province page costs the database. */
@RegistryIntegrationTest
class ProvincePageQueriesIntegrationTests {

    @Autowired
    ApiCalls api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Test
    void theProvincePageReadsItsLocalPlatformsListedAndRemovedInOneQuery() throws Exception {
        String langSon = accounts.token(Role.PROVINCE_EDITOR, "P-LANG-SON");
        String w = word();
        String kept = register(api, langSon, "P-LANG-SON", cemeteries(w)).get("id").asString();
        String gone = register(api, langSon, "P-LANG-SON", streetTrees(w)).get("id").asString();
        api.post(langSon, API + "P-LANG-SON/local-platforms/" + gone + "/removal",
                Map.of("reason", "Đã thay bằng hệ thống dùng chung của tỉnh.", "version", 0), 200);

        StatementLog.Recorded<String> html = StatementLog.during(() -> mvc
                .perform(get("/adoption/provinces/P-LANG-SON")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(html.sent().stream().filter(sql -> sql.matches("(?s).*\\bfrom local_platform\\b(?!_).*")))
                .as("the listed and the removed local platforms in one query, not two each").hasSize(1);
        HtmlPage page = HtmlPage.parse(html.result());
        assertThat(page.elements("tr").stream().map(tr -> tr.getAttributeValue("data-local-platform")))
                .contains(kept).doesNotContain(gone);
        assertThat(page.elementsOfClass("li", "removed-local").stream()
                .map(li -> li.getAttributeValue("data-local-platform"))).contains(gone).doesNotContain(kept);
    }
}
