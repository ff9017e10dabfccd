package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaginationTests {

    final Links list = Links.to("/support").with("q", "vneid");

    @Test
    void onAPagePastTheEndThePreviousLinkIsTheLastPage() {
        assertThat(Pagination.of(999, 3, list).previous()).isEqualTo("/support?q=vneid&page=3");
        assertThat(Pagination.of(9, 1, list).previous()).as("page 1 is the link without a page")
                .isEqualTo("/support?q=vneid");
        assertThat(Pagination.of(9, 1, list).next()).isNull();
    }

    @Test
    void withinTheListPreviousAndNextAreTheNeighbours() {
        Pagination second = Pagination.of(2, 3, list);
        assertThat(second.previous()).isEqualTo("/support?q=vneid");
        assertThat(second.next()).isEqualTo("/support?q=vneid&page=3");
        assertThat(Pagination.of(1, 3, list).previous()).isNull();
    }
}
