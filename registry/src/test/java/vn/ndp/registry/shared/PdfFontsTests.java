package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class PdfFontsTests {

    @Test
    void aCodeLongerThanTheLineBreaksAfterAHyphenNotBetweenTwoLetters() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = PdfFonts.liberationSans(document);
            PDType0Font font = fonts.regular();
            float width = fonts.measure(font, 9, "HT-THEO-DOI-NH");

            assertThat(fonts.wrap(font, 9, "Mã HT-THEO-DOI-NHIEM-VU", width))
                    .containsExactly("Mã", "HT-THEO-DOI-", "NHIEM-VU");
            assertThat(fonts.wrap(font, 9, "Số 2765/BTTTT-CĐSQG", fonts.measure(font, 9, "2765/BTT")))
                    .containsExactly("Số", "2765/", "BTTTT-", "CĐSQG");
            assertThat(fonts.wrap(font, 9, "ABCDEFGHIJ", fonts.measure(font, 9, "ABCDE")))
                    .as("a word with no hyphen or slash is broken where it must").containsExactly("ABCDE", "FGHIJ");
        }
    }
}
