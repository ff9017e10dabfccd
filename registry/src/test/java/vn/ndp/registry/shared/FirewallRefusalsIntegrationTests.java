package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ndp.registry.RegistryIntegrationTest;

/**
 * Requests Tomcat passes on but Spring Security's firewall refuses, sent as typed (no client library would send
 * them): an API request is told what to write in problem+json, as for the server's own refusals; a page keeps the
 * HTML error page.
 */
@RegistryIntegrationTest
class FirewallRefusalsIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/platforms/../agencies   | write the path of the resource itself: /api/v1/agencies.
            /api/v1/platforms/%2e%2e/x      | write the path of the resource itself: /api/v1/x.
            /api/v1/platforms;x=1           | leave out the ';' and what follows it
            /api/v1/platforms/a%3Bb         | an encoded semicolon %3B
            /api/v1/platforms/%25           | An encoded percent sign (%25)
            /api/v1/platforms//VNEID        | write one slash between segments: /api/v1/platforms/VNEID.
            /api/v1/platforms/%0a           | such as a line break %0A
            /api/v1/platforms/a%7Fb         | An encoded control character (%00 to %1F, %7F, %C2%80 to %C2%9F
            /api/v1/platforms/%C2%85        | An encoded control character (%00 to %1F, %7F, %C2%80 to %C2%9F
            /api/v1/agencies/x%c2%9f        | An encoded control character (%00 to %1F, %7F, %C2%80 to %C2%9F
            /api/v1/agencies/x%09y          | An encoded control character (%00 to %1F, %7F, %C2%80 to %C2%9F
            /api/v1/platforms/DVCQG%2Fhistory | write each slash of an identifier as it is, each part a segment of the path: /api/v1/platforms/DVCQG/history.
            /api/v1/agencies/a%5Cb          | or %5C) is not accepted in the path: separate segments with /.
            """)
    void aFirewallRefusalOfAnApiRequestIsAProblemSayingWhatToWrite(String path, String detail) throws IOException {
        String answer = raw("GET " + path + " HTTP/1.1", "application/json");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"INVALID_PARAMETER\"", "\"type\":\"https://ndp.dx.gov.vn/problems/invalid-parameter\"",
                        "\"instance\":\"" + path + "\"", detail)
                .doesNotContain("\"timestamp\"", "<html");
    }

    /** Tomcat passes an encoded slash or backslash on, so that a page refused for one gets the site's page too. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/platforms;x=1", "/platforms/a%7Fb", "/agencies/%C2%85", "/platforms/DVCQG%2Fhistory",
        "/agencies/a%5Cb", "/agencies/a%5cb%2fc"})
    void aFirewallRefusalOfAPageIsTheSitesErrorPageWithItsSecurityHeaders(String path) throws IOException {
        String answer = raw("GET " + path + " HTTP/1.1", "text/html");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: text/html")
                .containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                .containsIgnoringCase("X-Content-Type-Options: nosniff")
                .contains("lang=\"vi\"", "Tham số không hợp lệ")
                .doesNotContain("problem+json", "HTTP Status 400");
    }

    /** What curl sends, and no Accept header at all: a page's refusal is still the site's page. */
    @ParameterizedTest(name = "Accept: [{0}]")
    @ValueSource(strings = {"", "*/*", "text/*"})
    void aFirewallRefusalOfAPageIsTheSitesErrorPageWithoutAnAcceptHeaderOrWithAWildcard(String accept)
            throws IOException {
        String answer = raw("GET /platforms/a;x=1 HTTP/1.1", accept);

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: text/html")
                .containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                .contains("lang=\"vi\"", "Tham số không hợp lệ")
                .doesNotContain("\"timestamp\"", "application/json");
    }

    @ParameterizedTest(name = "Accept: [{0}]")
    @ValueSource(strings = {"", "*/*", "text/html"})
    void aFirewallRefusalOfAnApiRequestIsAProblemWhateverItsAcceptHeader(String accept) throws IOException {
        String answer = raw("GET /api/v1/platforms/a;x=1 HTTP/1.1", accept);

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"INVALID_PARAMETER\"").doesNotContain("<html");
    }

    /** Refused by Tomcat before the application: no template, but the site's words, style and headers. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GET /platforms/%zz HTTP/1.1
            GET /agencies?q=a"b HTTP/1.1
            """)
    void aPageTomcatRefusesIsTheSitesBadRequestPageWithItsSecurityHeaders(String requestLine) throws IOException {
        String answer = raw(requestLine, "text/html");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: text/html;charset=UTF-8")
                .containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                .containsIgnoringCase("X-Content-Type-Options: nosniff")
                .contains("<html lang=\"vi\">", "Địa chỉ không hợp lệ", "/css/site.css", "The page's address")
                .doesNotContain("HTTP Status 400", "problem+json");
    }

    @Test
    void traceStaysRefusedAndAnApiRequestIsToldSoInProblemJsonAPageKeepsTheErrorPage() throws IOException {
        String api = raw("TRACE /api/v1/platforms HTTP/1.1", "application/json");
        String page = raw("TRACE /platforms HTTP/1.1", "text/html");

        assertThat(api).startsWith("HTTP/1.1 405").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"METHOD_NOT_ALLOWED\"", "\"instance\":\"/api/v1/platforms\"",
                        "The method is not accepted by the server (TRACE never is): use GET, HEAD, POST, PUT, PATCH,"
                                + " DELETE or OPTIONS")
                .doesNotContain("\"timestamp\"", "Accept: application/json");
        assertThat(page).startsWith("HTTP/1.1 405").containsIgnoringCase("Content-Type: text/html")
                .containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                .doesNotContain("problem+json", "Accept: text/html");
    }

    /** The whole answer to a request line sent as typed (no Accept header if it is empty), read until it closes. */
    private String raw(String requestLine, String accept) throws IOException {
        return RawHttp.send(port, requestLine, accept, "", 0);
    }
}
