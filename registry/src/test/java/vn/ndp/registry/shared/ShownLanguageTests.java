package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ShownLanguageTests {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Test
    void anEnglishPageShowsTheEnglishNameUnmarkedAndTheVietnameseOneMarkedWhenThereIsNoEnglish() {
        assertThat(ShownLanguage.name(Locale.ENGLISH, "Bộ Công an", "Ministry of Public Security"))
                .isEqualTo("Ministry of Public Security");
        assertThat(ShownLanguage.lang(Locale.ENGLISH, "Bộ Công an", "Ministry of Public Security")).isNull();
        assertThat(ShownLanguage.name(Locale.ENGLISH, "Trung tâm Thử", null)).isEqualTo("Trung tâm Thử");
        assertThat(ShownLanguage.lang(Locale.ENGLISH, "Trung tâm Thử", null)).isEqualTo("vi");
    }

    @Test
    void aVietnamesePageShowsTheVietnameseNameAndMarksNothing() {
        assertThat(ShownLanguage.name(VIETNAMESE, "Bộ Công an", "Ministry of Public Security"))
                .isEqualTo("Bộ Công an");
        assertThat(ShownLanguage.lang(VIETNAMESE, "Bộ Công an", "Ministry of Public Security")).isNull();
        assertThat(ShownLanguage.lang(VIETNAMESE, "Trung tâm Thử", null)).isNull();
        assertThat(ShownLanguage.vietnamese(VIETNAMESE, "Lý do")).isNull();
    }

    @Test
    void freeTextIsMarkedOnAPageNotInVietnameseUnlessThereIsNone() {
        assertThat(ShownLanguage.vietnamese(Locale.ENGLISH, "Thiếu căn cứ pháp lý")).isEqualTo("vi");
        assertThat(ShownLanguage.vietnamese(Locale.ENGLISH, null)).isNull();
        assertThat(ShownLanguage.vietnamese(Locale.ENGLISH, " ")).isNull();
    }
}
