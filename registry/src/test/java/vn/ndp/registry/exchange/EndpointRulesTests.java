package vn.ndp.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.exchange.DirectoryEntries.Endpoint;
import vn.ndp.registry.shared.RegistryException.FieldError;

/**
 * An endpoint is kept only when the gateways would read it as the registry does: they match the method and the
 * percent-decoded path, and refuse a path with {@code .}, {@code ..} or empty segments, encoded slashes and
 * backslashes before matching (BackendPath), so a pattern with any of them could never apply, or not as written.
 */
class EndpointRulesTests {

    static List<FieldError> problems(String method, String path) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Endpoint> kept = ExchangeRegister.endpoint(new Endpoint(method, path), "method", "path", errors);
        assertThat(kept.isEmpty()).as(method + " " + path).isEqualTo(!errors.isEmpty());
        return errors;
    }

    static String pathProblem(String path) {
        List<FieldError> errors = problems("GET", path);
        assertThat(errors).as(path).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("path"));
        return errors.getFirst().message();
    }

    @Test
    void patternsTheGatewaysMatchAsWrittenAreKept() {
        for (String path : List.of("/", "/**", "/units/**", "/units/*/members", "/units/", "/đơn-vị/*",
                "/a;v=1/b", "/a.b/.well-known/c..d", "/a b")) {
            assertThat(problems("GET", path)).as(path).isEmpty();
        }
    }

    @Test
    void dotAndEmptySegmentsAreRefusedAsTheGatewaysRefuseSuchPaths() {
        assertThat(pathProblem("/../**")).contains("'..'");
        assertThat(pathProblem("/units/..")).contains("'..'");
        assertThat(pathProblem("/units/./x")).contains("'.'");
        assertThat(pathProblem("/units/..;x/y")).contains("'..'");
        assertThat(pathProblem("/units//x")).contains("//");
        assertThat(pathProblem("//**")).contains("//");
    }

    @Test
    void encodingsBackslashesQueriesControlsAndStrayAsterisksAreRefusedSayingWhatToWrite() {
        assertThat(pathProblem("/%2e%2e/**")).contains("%", "characters themselves");
        assertThat(pathProblem("/units%2Fx")).contains("%");
        assertThat(pathProblem("/units\\..\\x")).contains("backslash");
        assertThat(pathProblem("/units?page=1")).contains("query");
        assertThat(pathProblem("/units#top")).contains("#");
        assertThat(pathProblem("/units\u0000")).contains("control");
        assertThat(pathProblem("/units*")).contains("*");
        assertThat(pathProblem("/*.pdf")).contains("*");
        assertThat(pathProblem("/units/**/x")).contains("**");
    }

    @Test
    void onlyTheMethodsTheGatewaysRelayAreKept() {
        for (String method : List.of("GET", "head", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "*")) {
            assertThat(problems(method, "/units/**")).as(method).isEmpty();
        }
        for (String method : List.of("FOO", "TRACE", "CONNECT", "", "G ET", "PROPFIND")) {
            assertThat(problems(method, "/units/**")).as(method).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("method");
                assertThat(e.message()).contains("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            });
        }
    }
}
