package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import vn.ndp.registry.shared.Bilingual;

class TextsTests {

    static final Locale VI = Locale.forLanguageTag("vi");

    Texts texts;

    @BeforeEach
    void messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("updated", VI, "Cập nhật bởi {0} ngày {1} (phiên bản {2}).");
        messages.addMessage("updated", Locale.ENGLISH, "Updated by {0} on {1} (version {2}) & kept.");
        messages.addMessage("merged", Locale.ENGLISH, "Merged into {0}; see {0}''s page.");
        texts = new Texts(messages);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void onAnEnglishPageAVietnameseArgumentIsEscapedAndMarkedAndTheRestOfTheSentenceEscaped() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        String html = texts.sentence("updated", texts.vi("Nguyễn <Văn> \"An\" & 'Bình'"), "01/02/2026 <b>", 1234);

        assertThat(html).isEqualTo("Updated by <span lang=\"vi\">Nguyễn &lt;Văn&gt; &quot;An&quot; &amp; "
                + "&#39;Bình&#39;</span> on 01/02/2026 &lt;b&gt; (version 1,234) &amp; kept.");
    }

    @Test
    void aNameWithAnEnglishNameOrNoLanguageIsEscapedButNotMarked() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(texts.sentence("merged", texts.in("Ministry of Finance & <Co>", null)))
                .isEqualTo("Merged into Ministry of Finance &amp; &lt;Co&gt;; see Ministry of Finance &amp; &lt;Co&gt;&#39;s page.");
        assertThat(texts.sentence("merged", texts.in("Bộ Tài chính", "vi")))
                .isEqualTo("Merged into <span lang=\"vi\">Bộ Tài chính</span>; see <span lang=\"vi\">Bộ Tài chính</span>&#39;s page.");
    }

    @Test
    void aRecordsNameIsPutInTheReadersLanguageAndMarkedWhereItHasNoEnglishName() {
        record Named(String nameVi, String nameEn) implements Bilingual {
        }
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(texts.sentence("merged", texts.in(new Named("Bộ Tài chính", "Ministry of Finance"))))
                .isEqualTo("Merged into Ministry of Finance; see Ministry of Finance&#39;s page.");
        assertThat(texts.sentence("merged", texts.in(new Named("Bộ Tài chính", null))))
                .isEqualTo("Merged into <span lang=\"vi\">Bộ Tài chính</span>; see <span lang=\"vi\">Bộ Tài chính</span>"
                        + "&#39;s page.");
    }

    @Test
    void onAVietnamesePageNothingIsMarked() {
        LocaleContextHolder.setLocale(VI);

        assertThat(texts.sentence("updated", texts.vi("Nguyễn Văn <An>"), "01/02/2026", 3))
                .isEqualTo("Cập nhật bởi Nguyễn Văn &lt;An&gt; ngày 01/02/2026 (phiên bản 3).");
    }

    @Test
    void anArgumentThatHoldsTheCharactersStandingInForAnotherIsShownAsTypedNeverWithTheOtherInside() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        // each holds the other's stand-in (U+E000, its number, U+E001), whichever is put in first
        String first = "Nguyễn \uE0001\uE001 An";
        String second = "ngày \uE0000\uE001";

        String html = texts.sentence("updated", texts.vi(first), texts.vi(second), 3);

        assertThat(html).isEqualTo("Updated by <span lang=\"vi\">" + first + "</span> on <span lang=\"vi\">"
                + second + "</span> (version 3) &amp; kept.");
    }

    @Test
    void aStoredTextIsEscapedAndWhatItQuotesInVietnameseMarkedOnAnEnglishPageOnly() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        String text = "New request about Cổng <A> & \"B\" (CG): Cổng <A> & \"B\" is down; Lỗi";

        assertThat(texts.quoting(text, java.util.List.of("Lỗi", "Cổng <A> & \"B\"", "Cổng")))
                .isEqualTo("New request about <span lang=\"vi\">Cổng &lt;A&gt; &amp; &quot;B&quot;</span> (CG): "
                        + "<span lang=\"vi\">Cổng &lt;A&gt; &amp; &quot;B&quot;</span> is down; "
                        + "<span lang=\"vi\">Lỗi</span>");
        LocaleContextHolder.setLocale(VI);
        assertThat(texts.quoting(text, java.util.List.of("Lỗi")))
                .isEqualTo("New request about Cổng &lt;A&gt; &amp; &quot;B&quot; (CG): Cổng &lt;A&gt; &amp; "
                        + "&quot;B&quot; is down; Lỗi");
    }
}
