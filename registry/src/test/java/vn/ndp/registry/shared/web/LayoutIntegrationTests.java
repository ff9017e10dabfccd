package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/** What the site layout gives every page: its landmarks, and the as-of date only where the data is as of it. */
@RegistryIntegrationTest
class LayoutIntegrationTests {

    /** Pages whose data is as of the chosen date. */
    private static final List<String> DATED = List.of("/", "/platforms", "/platforms/VNEID", "/agencies",
            "/agencies/BCA", "/statistics", "/adoption", "/adoption/detail", "/adoption/provinces/P-HA-NOI",
            "/accountability");

    /** Pages that show today's data whatever the date. */
    private static final List<String> UNDATED = List.of("/lists", "/overlap", "/support", "/notifications",
            "/governance", "/exchange", "/admin/audit", "/admin/accounts", "/account", "/platforms/VNEID/usage",
            "/adoption/proposals");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    /** The page at {@code path}, which must be the page itself (200), not an error page in the same layout. */
    private HtmlPage page(String path, UserDetails admin) throws Exception {
        return page(path, admin, 200);
    }

    private HtmlPage page(String path, UserDetails admin, int status) throws Exception {
        var response = mvc.perform(get(path).with(user(admin)).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        return HtmlPage.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void everyPageHasOneMainLandmarkTheSkipLinkLeadsTo() throws Exception {
        UserDetails admin = accounts.signedIn(Role.ADMIN, null);
        for (String path : concat(DATED, UNDATED, List.of("/platforms/KHONG-CO"))) {
            HtmlPage page = page(path, admin, path.endsWith("KHONG-CO") ? 404 : 200);
            assertThat(page.elements("main")).as(path).hasSize(1);
            assertThat(page.elements("main").getFirst().getAttributeValue("id")).as(path).isEqualTo("main");
        }
    }

    @Test
    void onlyAPageWhoseDataIsAsOfTheChosenDateSaysSoAndOffersTheDate() throws Exception {
        UserDetails admin = accounts.signedIn(Role.ADMIN, null);
        for (String path : DATED) {
            HtmlPage page = page(path + "?asOf=2024-07-03", admin);
            assertThat(HtmlPage.text(page.byId("as-of-hint"))).as(path)
                    .contains("Đang xem dữ liệu theo ngày 03/07/2024.");
            assertThat(page.elementsOfClass("form", "as-of")).as(path).hasSize(1);
        }
        for (String path : UNDATED) {
            HtmlPage page = page(path + "?asOf=2024-07-03", admin);
            assertThat(page.elementsOfClass("form", "as-of")).as(path + ": its data is today's").isEmpty();
            assertThat(HtmlPage.text(page.elements("header").getFirst())).as(path)
                    .doesNotContain("03/07/2024", "Đang xem dữ liệu");
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
