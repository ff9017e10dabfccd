package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/**
 * An API request whose error reaches the error dispatch ({@code /error}) rather than an advice, refused by Tomcat, by
 * Spring before any handler, or failing in a filter, gets problem+json with the status's code and what to do, whatever
 * its Accept header; never Spring Boot's own JSON, a stack trace or what failed inside.
 */
@RegistryIntegrationTest
class ApiErrorDispatchesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/json", "text/html", ""})
    void anExceptionInAFilterIsAnInternalErrorProblemThatNamesNothingInside(String accept) throws IOException {
        String answer = raw("GET /api/v1/platforms HTTP/1.1", accept, FailingFilter.HEADER + ": yes\r\n", 0);

        assertThat(answer).startsWith("HTTP/1.1 500").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"INTERNAL_ERROR\"", "\"status\":500", "\"instance\":\"/api/v1/platforms\"",
                        "\"type\":\"https://ndp.dx.gov.vn/problems/internal-error\"",
                        "Try again later; if it fails again, tell the registry's operators the path and the time.")
                .doesNotContain("\"timestamp\"", "jdbc", "ndp_owner", "IllegalStateException", "\tat ", "<html");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/json", "text/html", ""})
    void aQueryTomcatCannotReadIsAnInvalidParameterProblemSayingHowToEncode(String accept) throws IOException {
        String answer = raw("GET /api/v1/platforms?q=%zz HTTP/1.1", accept, "", 0);

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"INVALID_PARAMETER\"", "\"status\":400", "a % itself as %25")
                .doesNotContain("\"timestamp\"", "<html");
    }

    @Test
    void anAcceptHeaderTheResourceCannotAnswerIsNotAcceptableNamingWhatItAnswersIn() throws IOException {
        String answer = raw("GET /api/v1/platforms.csv HTTP/1.1", "application/json", "", 0);

        assertThat(answer).startsWith("HTTP/1.1 406").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"NOT_ACCEPTABLE\"", "\"status\":406", "send Accept: text/csv, or leave the header"
                        + " out.")
                .doesNotContain("\"timestamp\"");
    }

    @Test
    void anUploadOverTheLimitIsAContentTooLargeProblemStatingTheLimit() throws IOException {
        String token = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        long size = DataSize.ofMegabytes(56).toBytes();

        String answer = raw("POST /api/v1/support/requests HTTP/1.1", "application/json",
                "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: "
                        + size + "\r\n", size);

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"CONTENT_TOO_LARGE\"", "\"status\":413",
                        "larger than the server takes (55 MB in all, files and fields)")
                .doesNotContain("\"timestamp\"");
    }

    private String raw(String requestLine, String accept, String headers, long bodySize) throws IOException {
        return RawHttp.send(port, requestLine, accept, headers, bodySize);
    }
}
