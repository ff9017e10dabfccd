package vn.ndp.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ndp.registry.HtmlPage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/** The registry fetches the evidence of one exchange from the gateway that logged it (administrators only). */
@RegistryIntegrationTest
class ExchangeEvidenceIntegrationTests {

    static final String GATEWAY = "VN/GOV/EVIDENCE.TEST/lgsp";
    static final byte[] EVIDENCE = "{\"format\":\"ndp-evidence\"}".getBytes(StandardCharsets.UTF_8);

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts accounts;

    @Autowired
    EvidenceSources sources;

    @Autowired
    MockMvc mvc;

    HttpServer gatewayAdmin;

    @TempDir
    Path files;

    /** Stands in for a gateway's admin listener: answers only with the right token and a known id. */
    @BeforeEach
    void startGatewayAdmin() throws Exception {
        Path token = files.resolve("evidence-token");
        Files.writeString(token, "s3cret\n");
        gatewayAdmin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gatewayAdmin.createContext("/messagelog/evidence", exchange -> {
            boolean authorised = "Bearer s3cret".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean known = "id=abc-123".equals(exchange.getRequestURI().getRawQuery());
            int status = !authorised ? 401 : known ? 200 : 404;
            exchange.sendResponseHeaders(status, status == 200 ? EVIDENCE.length : -1);
            if (status == 200) {
                exchange.getResponseBody().write(EVIDENCE);
            }
            exchange.close();
        });
        gatewayAdmin.start();
        sources.register(new EvidenceSources.Source(GATEWAY,
                URI.create("http://127.0.0.1:" + gatewayAdmin.getAddress().getPort()), token));
    }

    @AfterEach
    void stop() {
        gatewayAdmin.stop(0);
    }

    @Test
    void anAdministratorDownloadsTheEvidenceOfOneExchange() {
        String admin = accounts.token(Role.ADMIN, null);
        byte[] body = client.get().uri("/api/v1/exchange/evidence?gateway={g}&id=abc-123", GATEWAY)
                .header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"evidence-abc-123\\.json\".*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(EVIDENCE);
    }

    @Test
    void aGatewayThatRefusesTheRegistrysTokenGivesABadGatewayProblemAndNoEvidence() throws Exception {
        Path wrongToken = files.resolve("wrong-evidence-token");
        Files.writeString(wrongToken, "not-the-token\n");
        sources.register(new EvidenceSources.Source("VN/GOV/EVIDENCE.TEST/wrong-token",
                URI.create("http://127.0.0.1:" + gatewayAdmin.getAddress().getPort()), wrongToken));

        client.get().uri("/api/v1/exchange/evidence?gateway={g}&id=abc-123", "VN/GOV/EVIDENCE.TEST/wrong-token")
                .header("Authorization", "Bearer " + accounts.token(Role.ADMIN, null)).exchange()
                .expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("refused the evidence request with HTTP 401"));
    }

    @Test
    void unknownExchangesGatewaysAndOtherRolesGetClearAnswers() {
        String admin = accounts.token(Role.ADMIN, null);
        client.get().uri("/api/v1/exchange/evidence?gateway={g}&id=nope", GATEWAY)
                .header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/v1/exchange/evidence?gateway=VN/GOV/NOPE/gw&id=abc-123")
                .header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("gateway");
        client.get().uri("/api/v1/exchange/evidence?id=abc-123")
                .header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("gateway")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString())
                        .startsWith("is required").contains(GATEWAY))
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("null"));
        client.get().uri("/api/v1/exchange/evidence")
                .header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("id", "gateway"));
        client.get().uri("/api/v1/exchange/evidence?gateway={g}&id=abc-123", GATEWAY)
                .header("Authorization", "Bearer " + accounts.token(Role.REVIEWER, null)).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/exchange/evidence?gateway={g}&id=abc-123", GATEWAY).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anAdministratorDownloadsItFromTheDirectoryPageAndARefusalKeepsWhatWasTyped() throws Exception {
        UserDetails admin = accounts.signedIn(Role.ADMIN, null);
        MvcResult file = mvc.perform(get("/exchange/manage/evidence").param("gateway", GATEWAY).param("id", "abc-123")
                .with(user(admin))).andReturn();
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"evidence-abc-123.json\"");
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(EVIDENCE);

        MvcResult unknown = mvc.perform(get("/exchange/manage/evidence").param("gateway", GATEWAY).param("id", "nope-9")
                .with(user(admin))).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        HtmlPage page = HtmlPage.parse(unknown.getResponse().getContentAsString());
        assertThat(HtmlPage.text(page.byId("evidence"))).contains("không có giao dịch nào mang X-Road-Id đã nhập");
        assertThat(HtmlPage.value(page.byId("evidence-id"))).isEqualTo("nope-9");
        assertThat(HtmlPage.selected(page.byId("evidence-gateway"))).containsExactly(GATEWAY);

        MvcResult blank = mvc.perform(get("/exchange/manage/evidence").param("gateway", GATEWAY).param("id", " ")
                .with(user(admin))).andReturn();
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(HtmlPage.text(HtmlPage.parse(blank.getResponse().getContentAsString()).byId("evidence")))
                .contains("X-Road-Id: bắt buộc, tối đa 200 ký tự");

        assertThat(mvc.perform(get("/exchange/manage/evidence").param("gateway", GATEWAY).param("id", "abc-123")
                .with(user(accounts.signedIn(Role.REVIEWER, null)))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }
}
