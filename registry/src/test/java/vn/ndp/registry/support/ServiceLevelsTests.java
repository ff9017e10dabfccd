package vn.ndp.registry.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Due dates count working days: Monday to Friday, configured public holidays excepted. */
class ServiceLevelsTests {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final ServiceLevels PLAIN = new ServiceLevels(SupportSettings.defaults());

    /** Tết 2025 (27–31 January) as working days off. */
    static final ServiceLevels WITH_TET = new ServiceLevels(new SupportSettings(new SupportSettings.Sla(1, 3, 5, 10),
            List.of(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29),
                    LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31)),
            Period.ofDays(14), DataSize.ofMegabytes(10), 5));

    static LocalDate today(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), VIETNAM));
    }

    @Test
    void anUrgentRequestRaisedOnMondayIsDueOnTuesday() {
        LocalDate monday = today("2025-06-02T03:00:00Z");
        assertThat(PLAIN.dueDate(Priority.URGENT, monday)).isEqualTo(LocalDate.of(2025, 6, 3));
    }

    @Test
    void eachPriorityHasItsOwnNumberOfWorkingDays() {
        LocalDate monday = LocalDate.of(2025, 6, 2);
        assertThat(PLAIN.dueDate(Priority.HIGH, monday)).isEqualTo(LocalDate.of(2025, 6, 5));
        assertThat(PLAIN.dueDate(Priority.NORMAL, monday)).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(PLAIN.dueDate(Priority.LOW, monday)).isEqualTo(LocalDate.of(2025, 6, 16));
    }

    @Test
    void weekendsAreSkipped() {
        LocalDate friday = LocalDate.of(2025, 6, 6);
        assertThat(PLAIN.dueDate(Priority.URGENT, friday)).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(PLAIN.dueDate(Priority.HIGH, LocalDate.of(2025, 6, 5))).isEqualTo(LocalDate.of(2025, 6, 10));
    }

    @Test
    void aRequestRaisedOnAWeekendStartsCountingOnMonday() {
        LocalDate saturday = LocalDate.of(2025, 6, 7);
        LocalDate sunday = LocalDate.of(2025, 6, 8);
        assertThat(PLAIN.dueDate(Priority.URGENT, saturday)).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(PLAIN.dueDate(Priority.URGENT, sunday)).isEqualTo(LocalDate.of(2025, 6, 9));
    }

    @Test
    void lateOnFridayInVietnamIsStillFriday() {
        // 16:30 UTC on Friday is 23:30 on Friday in Hanoi; 17:30 UTC is already Saturday there.
        assertThat(PLAIN.dueDate(Priority.URGENT, today("2025-06-06T16:30:00Z"))).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(today("2025-06-06T17:30:00Z")).isEqualTo(LocalDate.of(2025, 6, 7));
    }

    @Test
    void publicHolidaysAreNotWorkingDays() {
        LocalDate fridayBeforeTet = LocalDate.of(2025, 1, 24);
        assertThat(WITH_TET.dueDate(Priority.URGENT, fridayBeforeTet)).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(WITH_TET.dueDate(Priority.HIGH, fridayBeforeTet)).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(PLAIN.dueDate(Priority.URGENT, fridayBeforeTet)).isEqualTo(LocalDate.of(2025, 1, 27));
        assertThat(WITH_TET.workingDay(LocalDate.of(2025, 1, 29))).isFalse();
        assertThat(WITH_TET.workingDay(LocalDate.of(2025, 2, 3))).isTrue();
    }

    @Test
    void aRequestIsOverdueOnlyAfterItsDueDayAndOnlyWhileTheOperatorHasTheNextMove() {
        LocalDate due = LocalDate.of(2025, 6, 3);
        SupportRequest open = request(SupportStatus.OPEN, due);
        assertThat(open.overdueOn(due)).isFalse();
        assertThat(open.overdueOn(due.plusDays(1))).isTrue();
        assertThat(request(SupportStatus.IN_PROGRESS, due).overdueOn(due.plusDays(1))).isTrue();
        assertThat(request(SupportStatus.WAITING_FOR_REQUESTER, due).overdueOn(due.plusDays(1))).isFalse();
        assertThat(request(SupportStatus.RESOLVED, due).overdueOn(due.plusDays(1))).isFalse();
        assertThat(request(SupportStatus.CLOSED, due).overdueOn(due.plusDays(1))).isFalse();
    }

    private static SupportRequest request(SupportStatus status, LocalDate due) {
        OffsetDateTime at = OffsetDateTime.parse("2025-06-02T10:00:00+07:00");
        return new SupportRequest(UUID.randomUUID(), "VNEID", "P-HA-NOI", "someone", "s", "d", Priority.URGENT,
                status, due, at, at, null, null, false);
    }
}
