package vn.ndp.protocol.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

/**
 * The one rule for the registry's endpoints and the gateways' requests: each case names a path pattern and the request
 * path that the pattern would have to match, and both are refused for the same reason, in words of that reason's own.
 */
class EndpointRulesTests {

    static Stream<Arguments> refusedOnBothSides() {
        return Stream.of(
                arguments("/units//x", "/units//x", "an empty segment (//)"),
                arguments("//**", "//x", "an empty segment (//)"),
                arguments("/units/./x", "/units/%2e/x", "a '.' segment"),
                arguments("/units/..", "/units/%2E%2e", "a '..' segment"),
                arguments("/../**", "/../x", "a '..' segment"),
                arguments("/units/..;x/y", "/units/..;x/y", "a '..' segment"),
                arguments("/units\\..\\x", "/units\\..\\x", "backslash"),
                arguments("/units\u0000", "/units%00", "control character"),
                arguments("/units\u0085", "/units%C2%85", "control character"));
    }

    @ParameterizedTest
    @MethodSource("refusedOnBothSides")
    void whatTheGatewaysRefuseAnEndpointCannotSay(String pattern, String requestPath, String reason) {
        assertThat(EndpointRules.patternProblem(pattern)).hasValueSatisfying(problem -> assertThat(problem)
                .contains(reason));
        assertThatThrownBy(() -> EndpointRules.decodedPath(requestPath))
                .isInstanceOfSatisfying(XRoadException.class, e -> {
                    assertThat(e.type()).isEqualTo(XRoadErrorType.CLIENT_BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("The service path ").contains(reason);
                });
    }

    /** Whichever rule a pattern breaks first, the message quotes it with each control character as ?. */
    @ParameterizedTest
    @ValueSource(strings = {"/a%41/\u0000", "/a//b\u0007", "/a\u0085/x?y", "/a*b/\u0001", "units\u0007",
            "/**/x\u0007"})
    void everyProblemQuotesThePatternWithoutItsControlCharacters(String pattern) {
        assertThat(EndpointRules.patternProblem(pattern)).hasValueSatisfying(problem -> assertThat(problem)
                .doesNotContainPattern("\\p{Cc}").contains("?"));
    }

    static Stream<Arguments> patternsAndPathsTheyMatch() {
        return Stream.of(
                arguments("/", ""),
                arguments("/**", "/any/thing"),
                arguments("/units/**", "/units"),
                arguments("/units/*/members", "/units/7/members"),
                arguments("/units/", "/units/"),
                arguments("/đơn-vị/*", "/%C4%91%C6%A1n-v%E1%BB%8B/7"),
                arguments("/a;v=1/b", "/a;v=1/b"),
                arguments("/a.b/.well-known/c..d", "/a.b/.well-known/c..d"),
                arguments("/a b", "/a%20b"));
    }

    @ParameterizedTest
    @MethodSource("patternsAndPathsTheyMatch")
    void aPatternTheGatewaysMatchAsWrittenIsKeptAndMatchesTheRequestPathItSays(String pattern, String requestPath) {
        String decoded = EndpointRules.decodedPath(requestPath);

        assertThat(EndpointRules.patternProblem(pattern)).as(pattern).isEmpty();
        assertThat(new Endpoint("GET", pattern).matches("GET", decoded)).as(pattern + " ~ " + decoded).isTrue();
    }

    static Stream<Arguments> refusedPatterns() {
        return Stream.of(
                arguments("/%2e%2e/**", "is percent-encoded; the gateways match the decoded path"),
                arguments("/units%2Fx", "is percent-encoded; the gateways match the decoded path"),
                arguments("/units?page=1", "has a query or a fragment"),
                arguments("/units#top", "has a query or a fragment"),
                arguments("/units*", "has * within a segment; * stands for one whole segment"),
                arguments("/*.pdf", "has * within a segment; * stands for one whole segment"),
                arguments("/units/**/x", "In '/units/**/x' ** may only be the last segment, e.g. /units/**."),
                arguments("/units**", "** may only be the last segment"),
                arguments("units/**", "does not start with /, e.g. /units/**."),
                arguments("", "does not start with /"));
    }

    @ParameterizedTest
    @MethodSource("refusedPatterns")
    void aPatternIsWrittenDecodedAsAPathAloneWithAsterisksForWholeSegmentsAndDoubleOnlyLast(String pattern,
            String reason) {
        assertThat(EndpointRules.patternProblem(pattern)).hasValueSatisfying(problem -> assertThat(problem)
                .contains(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x/b", "/a b", "/a%2Fb", "/a%5Cb", "/a/%252e%252e", "/%zz", "/a%0d%0ab", "/%C3%28",
            "/http://evil/x", "/a\u00e0"})
    void aRequestPathIsRefusedWhenItsEncodingIsNotOneTheGatewaysDecodeSafely(String requestPath) {
        assertThatThrownBy(() -> EndpointRules.decodedPath(requestPath)).isInstanceOfSatisfying(XRoadException.class,
                e -> assertThat(e.type()).isEqualTo(XRoadErrorType.CLIENT_BAD_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get", "Options"})
    void theMethodsTheGatewaysServeAreRelayedInAnyCase(String method) {
        assertThat(EndpointRules.relayed(method)).isTrue();
        assertThat(EndpointRules.requireRelayed(method)).isEqualTo(method);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"TRACE", "CONNECT", "PROPFIND", "FOO", "*", "", "G ET"})
    void noOtherMethodIsRelayedAndAnyIsNotAMethod(String method) {
        assertThat(EndpointRules.relayed(method)).isFalse();
        assertThatThrownBy(() -> EndpointRules.requireRelayed(method)).isInstanceOfSatisfying(XRoadException.class, e -> {
            assertThat(e.type()).isEqualTo(XRoadErrorType.CLIENT_BAD_REQUEST);
            assertThat(e.getMessage()).endsWith("they relay GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/units/**/x", "units"})
    void anEndpointOfAnImpossibleShapeIsNotMade(String path) {
        assertThatThrownBy(() -> new Endpoint("GET", path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(EndpointRules.shapeProblem(path).orElseThrow());
    }
}
