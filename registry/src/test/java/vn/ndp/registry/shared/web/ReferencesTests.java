package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferencesTests {

    @Test
    void sourceIsSplitIntoDocumentsWithTheirWebLinks() {
        var references = References.parse("Nghị quyết 202/2025/QH15 (12/06/2025) https://news.laodong.vn/a.ldo; "
                + "https://datafiles.chinhphu.vn/19ttg.signed.pdf");
        assertThat(references).containsExactly(
                new References.Reference("Nghị quyết 202/2025/QH15 (12/06/2025)", "https://news.laodong.vn/a.ldo"),
                new References.Reference(null, "https://datafiles.chinhphu.vn/19ttg.signed.pdf"));
    }

    @Test
    void aSemicolonInsideANoteInParenthesesDoesNotSplitTheSource() {
        var references = References.parse("https://vietnam.vn/en/a; https://bkenglish.edu.vn/b.html"
                + " (daibieunhandan.vn ghi 9; 8 là số khớp tổng 103)");
        assertThat(references).containsExactly(new References.Reference(null, "https://vietnam.vn/en/a"),
                new References.Reference("(daibieunhandan.vn ghi 9; 8 là số khớp tổng 103)",
                        "https://bkenglish.edu.vn/b.html"));
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertThat(References.webLink("javascript:alert(1)")).isNull();
        assertThat(References.webLink("dichvucong.gov.vn")).isNull();
        assertThat(References.webLink(" https://dichvucong.gov.vn ")).isEqualTo("https://dichvucong.gov.vn");
        assertThat(References.parse("javascript:alert(1)"))
                .containsExactly(new References.Reference("javascript:alert(1)", null));
    }
}
