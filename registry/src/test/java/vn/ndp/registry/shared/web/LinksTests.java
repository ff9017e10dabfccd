package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTests {

    @Test
    void filtersAreAddedReplacedAndRemovedWithEncoding() {
        Links links = Links.to("/platforms").with("q", "nền tảng số").with("owner", "BTC");
        assertThat(links.href()).isEqualTo("/platforms?q=n%E1%BB%81n%20t%E1%BA%A3ng%20s%E1%BB%91&owner=BTC");
        assertThat(links.with("owner", "BCA").href()).endsWith("&owner=BCA");
        assertThat(links.without("q").href()).isEqualTo("/platforms?owner=BTC");
        assertThat(links.with("asOf", " ").href()).doesNotContain("asOf");
        assertThat(Links.to("/platforms").with("q", "a&owner=X+1").href()).isEqualTo("/platforms?q=a%26owner%3DX%2B1");
    }
}
