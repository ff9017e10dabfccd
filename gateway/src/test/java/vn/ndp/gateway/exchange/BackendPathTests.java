package vn.ndp.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import vn.ndp.protocol.errors.XRoadErrorType;
import vn.ndp.protocol.errors.XRoadException;

class BackendPathTests {

    private static final URI BASE = URI.create("http://10.0.0.5:8080/api/v2");

    @Test
    void aCleanPathIsAppendedToTheBackendBaseAndTheQueryPassedUnmodified() {
        BackendPath path = BackendPath.of("/items/h%C3%A0-n%E1%BB%99i");

        assertThat(path.decoded()).isEqualTo("/items/hà-nội");
        assertThat(path.resolve(BASE, "q=a%20b&x=1").toString()).isEqualTo("http://10.0.0.5:8080/api/v2/items/h%C3%A0-n%E1%BB%99i?q=a%20b&x=1");
    }

    @Test
    void anEmptyPathAddressesTheBackendBaseItself() {
        assertThat(BackendPath.of("").resolve(BASE, null).toString()).isEqualTo("http://10.0.0.5:8080/api/v2");
        assertThat(BackendPath.of("").decoded()).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/a/../b", "/%2e%2e/b", "/%2E%2e", "/.", "/a/./b", "/a%2Fb", "/a%2fb", "/a%5Cb", "/a\\b",
            "//b", "/a//b", "/..;/b", "/.;x/b", "/a/%252e%252e", "/%00", "/a%0d%0ab", "/%zz", "/%C3%28", "x/b", "/a b",
            "/http://evil/x", "/a%C2%85b", "/a%C2%9B31mb"})
    void pathTricksAreRefused(String trick) {
        assertThatThrownBy(() -> BackendPath.of(trick))
                .isInstanceOfSatisfying(XRoadException.class, e -> assertThat(e.type()).isEqualTo(XRoadErrorType.CLIENT_BAD_REQUEST));
    }

    @Test
    void aQueryWithRawControlCharactersOrAFragmentIsRefused() {
        assertThatThrownBy(() -> BackendPath.of("/a").resolve(BASE, "x=1#frag")).isInstanceOf(XRoadException.class);
        assertThatThrownBy(() -> BackendPath.of("/a").resolve(BASE, "x=\r\n")).isInstanceOf(XRoadException.class);
    }

    @Test
    void aTrailingSlashIsKept() {
        assertThat(BackendPath.of("/items/").resolve(BASE, null).getRawPath()).isEqualTo("/api/v2/items/");
    }
}
