package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarDatesTests {

    @ParameterizedTest
    @ValueSource(strings = {"01/07/2025", "1/7/2025", " 1/07/2025 ", "2025-07-01"})
    void dayMonthYearAndIsoNameTheSameDay(String text) {
        assertThat(CalendarDates.parse(text)).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2025", "29/02/2025", "07/13/2025", "2025-02-30", "1.7.2025", "01/07/25", "hôm nay",
            "2025/07/01", "01-07-2025"})
    void whatIsNoDayIsRefusedNotRolledOver(String text) {
        assertThatThrownBy(() -> CalendarDates.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void aLeapDayIsADay() {
        assertThat(CalendarDates.parse("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "1/7/2025   | 2025-07-01",
            "2025-07-01 | 2025-07-01",
            "31/02/2025 | 31/02/2025",
            "'  '       | '  '",
            "NULL       | NULL"})
    void isoFormIsGivenForADayAndTheTextKeptOtherwise(String typed, String expected) {
        assertThat(CalendarDates.iso(typed)).isEqualTo(expected);
    }

    @Test
    void datesAreWrittenDayMonthYearInVietnameseAndWithTheMonthsNameInEnglish() {
        assertThat(CalendarDates.format(LocalDate.of(2025, 2, 8), Locale.of("vi"))).isEqualTo("08/02/2025");
        assertThat(CalendarDates.format(LocalDate.of(2025, 2, 8), Locale.ENGLISH)).isEqualTo("8 Feb 2025");
        assertThat(CalendarDates.vietnamese(LocalDate.of(2025, 12, 31))).isEqualTo("31/12/2025");
        assertThat(CalendarDates.format(null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void aFieldShowsDayMonthYearWithTwoDigitsAndRefusedTextAsTyped() {
        assertThat(CalendarDates.forInput(LocalDate.of(2025, 7, 1))).isEqualTo("01/07/2025");
        assertThat(CalendarDates.forInput("2025-07-01")).isEqualTo("01/07/2025");
        assertThat(CalendarDates.forInput("1/7/2025")).isEqualTo("01/07/2025");
        assertThat(CalendarDates.forInput("31/02/2025")).isEqualTo("31/02/2025");
        assertThat(CalendarDates.forInput(null)).isEmpty();
    }
}
