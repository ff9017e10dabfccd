package vn.ndp.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ndp.registry.exchange.DirectoryEntries.Endpoint;
import vn.ndp.registry.shared.RegistryException.FieldError;

/**
 * An endpoint is kept only when the gateways would read it as the registry does: they match the method and the
 * percent-decoded path, and refuse a path with {@code .}, {@code ..} or empty segments, encoded slashes and
 * backslashes before matching, so a pattern with any of them could never apply, or not as written (the protocol's
 * EndpointRules, whose own tests go through every rule; here, that the registry's fields carry them).
 * Each refusal is asserted by words of its own rule's message, which no other rule's message has (every message
 * quotes the path, so the path's own characters would prove nothing).
 */
class EndpointRulesTests {

    static List<FieldError> problems(String method, String path) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Endpoint> kept = ExchangeRegister.endpoint(new Endpoint(method, path), "method", "path", errors);
        assertThat(kept.isEmpty()).as(method + " " + path).isEqualTo(!errors.isEmpty());
        return errors;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/**", "/units/**", "/units/*/members", "/units/", "/đơn-vị/*", "/a;v=1/b",
            "/a.b/.well-known/c..d", "/a b"})
    void patternsTheGatewaysMatchAsWrittenAreKept(String path) {
        assertThat(problems("GET", path)).isEmpty();
    }

    static Stream<Arguments> refusedPaths() {
        return Stream.of(
                arguments("/../**", "has a '..' segment; the gateways refuse such paths"),
                arguments("/units/..", "has a '..' segment; the gateways refuse such paths"),
                arguments("/units/./x", "has a '.' segment; the gateways refuse such paths"),
                arguments("/units/..;x/y", "has a '..' segment; the gateways refuse such paths"),
                arguments("/units//x", "has an empty segment (//)"),
                arguments("//**", "has an empty segment (//)"),
                arguments("/%2e%2e/**", "is percent-encoded; the gateways match the decoded path"),
                arguments("/units%2Fx", "is percent-encoded; the gateways match the decoded path"),
                arguments("/units\\..\\x", "has a backslash"),
                arguments("/units?page=1", "has a query or a fragment"),
                arguments("/units#top", "has a query or a fragment"),
                arguments("/units\u0000", "has a control character"),
                arguments("/units*", "has * within a segment; * stands for one whole segment"),
                arguments("/*.pdf", "has * within a segment; * stands for one whole segment"),
                arguments("/units/**/x", "may only be the last segment"));
    }

    @ParameterizedTest
    @MethodSource("refusedPaths")
    void dotAndEmptySegmentsEncodingsBackslashesQueriesControlsAndStrayAsterisksAreRefusedByTheirRule(String path,
            String rule) {
        assertThat(problems("GET", path)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("path");
            assertThat(error.message()).contains(rule);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "head", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "*"})
    void theMethodsTheGatewaysRelayAreKept(String method) {
        assertThat(problems(method, "/units/**")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "TRACE", "CONNECT", "G ET", "PROPFIND"})
    void otherMethodsAreRefusedNamingThoseTheGatewaysRelay(String method) {
        assertThat(problems(method, "/units/**")).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("method");
            assertThat(error.message()).isEqualTo("'" + method + "' is not a method the gateways relay; use GET, HEAD,"
                    + " POST, PUT, PATCH, DELETE, OPTIONS, or * for any.");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aPathWithoutAMethodIsRefusedNamingTheMethodsTheGatewaysRelay(String method) {
        assertThat(problems(method, "/units/**")).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("method");
            assertThat(error.message()).isEqualTo("is required with a path; use GET, HEAD, POST, PUT, PATCH, DELETE,"
                    + " OPTIONS, or * for any.");
        });
    }
}
