package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FoldedSearchTests {

    @Test
    void foldingDropsCaseAndDiacriticsAndReadsDjAsD() {
        assertThat(FoldedSearch.fold("  Đăng nhập Một lần ")).isEqualTo("dang nhap mot lan");
        assertThat(FoldedSearch.fold("Cơ sở dữ liệu quốc gia về đất đai"))
                .isEqualTo("co so du lieu quoc gia ve dat dai");
        assertThat(FoldedSearch.fold("Ho\u0302\u0300 so\u031b")).isEqualTo("ho so");
    }

    @Test
    void everyLatinLetterFoldsAsTheRegularExpressionOverAllMarksDid() {
        for (char c = 'À'; c <= 'ỿ'; c++) {
            String letter = String.valueOf(c);
            String byExpression = Normalizer.normalize(letter.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "").replace('đ', 'd').strip();
            assertThat(FoldedSearch.fold(letter)).as("U+%04X", (int) c).isEqualTo(byExpression);
        }
    }

    @Test
    void sortingByFoldedNamesKeepsTheOrderOfFoldingOnEveryComparison() {
        List<String> names = new ArrayList<>(List.of("Đồng Nai", "Điện Biên", "An Giang", "Đắk Lắk",
                "Bắc Ninh", "Cà Mau", "Hà Nội", "Hải Phòng", "Huế", "Lâm Đồng", "đà nẵng", "Hà Nội"));
        List<String> byEveryComparison = names.stream()
                .sorted(Comparator.comparing((String n) -> FoldedSearch.fold(n))).toList();

        names.sort(FoldedSearch.byFolded(n -> n));

        assertThat(names).isEqualTo(byEveryComparison);
        assertThat(names.getFirst()).isEqualTo("An Giang");
    }
}
