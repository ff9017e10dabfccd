package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.ndp.registry.shared.VietnamTime;

class DatesTests {

    /** 06:30 on 24 November in Hà Nội, as the database hands it back: in UTC, on the day before. */
    private static final OffsetDateTime HALF_PAST_SIX_IN_HANOI = OffsetDateTime.parse("2026-11-23T23:30:15Z");

    private final Dates dates = new Dates();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void momentsAreShownOnVietnamsClockWithTheirVietnameseDay() {
        LocaleContextHolder.setLocale(Locale.of("vi"));

        assertThat(dates.date(HALF_PAST_SIX_IN_HANOI)).isEqualTo("24/11/2026");
        assertThat(dates.dateTime(HALF_PAST_SIX_IN_HANOI)).isEqualTo("24/11/2026 06:30");
        assertThat(dates.dateTimeSeconds(HALF_PAST_SIX_IN_HANOI)).isEqualTo("24/11/2026 06:30:15");
    }

    @Test
    void inEnglishTheDayIsWrittenOutAndTheClockIsStillVietnams() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(dates.date(HALF_PAST_SIX_IN_HANOI)).isEqualTo("24 Nov 2026");
        assertThat(dates.dateTime(HALF_PAST_SIX_IN_HANOI)).isEqualTo("24 Nov 2026 06:30");
    }

    @Test
    void aMissingMomentIsAnEmptyText() {
        assertThat(dates.date(null)).isEmpty();
        assertThat(dates.dateTime(null)).isEmpty();
        assertThat(dates.dateTimeSeconds(null)).isEmpty();
    }

    @Test
    void messagesNameTheMomentInVietnamTimeAndSaySo() {
        assertThat(VietnamTime.moment(HALF_PAST_SIX_IN_HANOI)).isEqualTo("24/11/2026 06:30 (UTC+7)");
        assertThat(VietnamTime.moment(OffsetDateTime.parse("2026-11-24T06:30:00+07:00")))
                .isEqualTo("24/11/2026 06:30 (UTC+7)");
    }
}
