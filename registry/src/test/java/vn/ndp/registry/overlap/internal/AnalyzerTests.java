package vn.ndp.registry.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzerTests {

    static final Analyzer ANALYZER = new Analyzer(Lexicon.standard());

    static Set<String> features(String text) {
        return ANALYZER.analyze(text).features().keySet();
    }

    static String pair(String words) {
        return Analyzer.PAIR + words;
    }

    @Test
    void textWithAndWithoutDiacriticsGivesTheSameFeatures() {
        assertThat(features("he thong quan ly van ban")).isEqualTo(features("hệ thống quản lý văn bản"));
        assertThat(features("ĐẤU GIÁ TÀI SẢN")).isEqualTo(features("dau gia tai san"));
    }

    @Test
    void decomposedUnicodeFoldsLikeComposed() {
        String decomposed = java.text.Normalizer.normalize("Đấu giá tài sản", java.text.Normalizer.Form.NFD);
        assertThat(features(decomposed)).isEqualTo(features("Đấu giá tài sản"));
    }

    @Test
    void multiSyllableWordsAreKeptAsSyllablePairs() {
        assertThat(features("đấu giá tài sản")).contains(pair("dau gia"), pair("tai san"), "dau", "gia");
    }

    @Test
    void administrativeAbbreviationsAreExpanded() {
        assertThat(features("CSDL đất đai")).containsAll(features("cơ sở dữ liệu đất đai"));
        assertThat(features("tra cứu TTHC")).contains(pair("thu tuc"), pair("hanh chinh"));
        assertThat(features("Cổng DVC")).contains(pair("dich vu"), pair("vu cong"));
        assertThat(features("cấp GPLX")).contains(pair("lai xe"));
        assertThat(features("sổ BHXH")).contains(pair("bao hiem"), pair("xa hoi"));
    }

    @Test
    void synonymsAndEnglishMapToOneVietnameseForm() {
        assertThat(features("portal")).isEqualTo(features("cổng thông tin"));
        assertThat(features("một cửa điện tử")).isEqualTo(features("dịch vụ công"));
        assertThat(features("asset auction")).isEqualTo(features("tài sản đấu giá"));
        assertThat(features("e-procurement")).isEqualTo(features("đấu thầu"));
    }

    @Test
    void genericWordsAreDroppedAndBreakWordPairs() {
        assertThat(features("hệ thống nền tảng quốc gia quản lý thông tin điện tử")).isEmpty();
        assertThat(features("national information management system platform")).isEmpty();
        assertThat(features("hệ thống quản lý văn bản")).containsExactlyInAnyOrder(pair("van ban"), "van", "ban");
    }

    @Test
    void aSynonymIsProtectedFromTheStopList() {
        // "thông tin" alone is generic, but "cổng thông tin" (portal) is a word of its own
        assertThat(features("cổng thông tin")).contains(pair("thong tin"));
        assertThat(features("thông tin")).isEmpty();
    }

    @Test
    void featuresRememberHowTheTextWroteThem() {
        var features = ANALYZER.analyze("Hệ thống quản lý Đấu giá tài sản").features();
        assertThat(features.get(pair("dau gia")).surface()).isEqualTo("Đấu giá");
        assertThat(ANALYZER.analyze("CSDL đất đai").features().get(pair("du lieu")).surface()).isEqualTo("CSDL");
    }
}
