package vn.ndp.registry.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyKind;

class AccountabilityTests {

    static Agency agency(String code, AgencyKind kind, String name) {
        return new Agency(code, kind, name, null, null, null, null, null, null, null, "test", true);
    }

    static OffsetDateTime at(String date) {
        return OffsetDateTime.parse(date + "T09:00:00+07:00");
    }

    @Test
    void countsAgenciesThatOwnAPlatformAndDatesTheirLatestChange() {
        List<Agency> central = List.of(agency("BCA", AgencyKind.MINISTRY, "Bộ Công an"),
                agency("BNG", AgencyKind.MINISTRY, "Bộ Ngoại giao"),
                agency("VPCP", AgencyKind.MINISTERIAL_AGENCY, "Văn phòng Chính phủ"),
                agency("VTV", AgencyKind.GOVERNMENT_AGENCY, "Đài Truyền hình Việt Nam"));
        Map<String, List<String>> owned = Map.of("BCA", List.of("A", "B", "C"), "VPCP", List.of("D"));
        Map<String, OffsetDateTime> changed = Map.of("A", at("2024-01-05"), "B", at("2025-03-01"), "C", at("2023-07-15"),
                "D", at("2022-02-11"));

        Accountability.Report report = Accountability.compute(LocalDate.of(2025, 6, 1), central,
                code -> owned.getOrDefault(code, List.of()),
                codes -> codes.stream().collect(Collectors.toMap(c -> c, changed::get)));

        // hand-computed: BCA (3 platforms, last 01/03/2025) and VPCP (1, 11/02/2022) of 4; BNG and VTV have none
        assertThat(report.total()).isEqualTo(4);
        assertThat(report.announced()).extracting(s -> s.agency().code()).containsExactly("BCA", "VPCP");
        assertThat(report.announced()).extracting(Accountability.AgencyStatus::platforms).containsExactly(3, 1);
        assertThat(report.announced().getFirst().lastUpdate()).isEqualTo(at("2025-03-01"));
        assertThat(report.announced().get(1).lastUpdate()).isEqualTo(at("2022-02-11"));
        assertThat(report.notAnnounced()).extracting(s -> s.agency().code()).containsExactly("BNG", "VTV");
        assertThat(report.notAnnounced()).allSatisfy(s -> assertThat(s.lastUpdate()).isNull());
    }
}
