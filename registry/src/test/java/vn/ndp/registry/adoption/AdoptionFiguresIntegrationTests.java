package vn.ndp.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.adoption.AdoptionFigures.Kpis;
import vn.ndp.registry.adoption.AdoptionFigures.Level;
import vn.ndp.registry.adoption.AdoptionFigures.ProvinceRow;
import vn.ndp.registry.agencies.Agency;

/**
 * The programme's figures computed from small hand-written declarations, over
 * the real provinces and successions: 63 provinces before 1 July 2025, 34 from
 * then, each merged province holding its predecessors' declarations.
 */
@RegistryIntegrationTest
class AdoptionFiguresIntegrationTests {

    @Autowired
    AdoptionFigures figures;

    static AdoptionPlan plan(String province, DocumentKind kind, PlatformAdoption... platforms) {
        return new AdoptionPlan(UUID.randomUUID(), province, 2022, kind, kind == DocumentKind.NONE ? null : "1/KH",
                LocalDate.of(2022, 3, 1), null, null, null, Arrays.asList(platforms), false, "test",
                OffsetDateTime.of(2022, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), 0);
    }

    static AdoptionPlan documentDated(AdoptionPlan p, LocalDate documentDate) {
        return new AdoptionPlan(p.id(), p.provinceCode(), p.year(), p.documentKind(), p.documentNumber(), documentDate,
                p.documentTitle(), p.target(), p.progress(), p.platforms(), p.sample(), p.updatedBy(), p.updatedAt(),
                p.version());
    }

    static PlatformAdoption uses(String platform, AdoptionStatus status) {
        return new PlatformAdoption(platform, status, Responsibility.NONE, null, null);
    }

    /**
     * Hà Nội: plan, VNeID in use, DVCQG planned. Hà Giang: separate decision, NDXP planned. Cao Bằng: no
     * document yet, VNeID deploying. Tuyên Quang: plan, NDXP stopped.
     */
    static final List<AdoptionPlan> FIXTURE = List.of(
            plan("P-HA-NOI", DocumentKind.PLAN, uses("VNEID", AdoptionStatus.IN_USE),
                    uses("DVCQG", AdoptionStatus.PLANNED)),
            plan("P-HA-GIANG", DocumentKind.DECISION, uses("NDXP", AdoptionStatus.PLANNED)),
            plan("P-CAO-BANG", DocumentKind.NONE, uses("VNEID", AdoptionStatus.DEPLOYING)),
            plan("P-TUYEN-QUANG", DocumentKind.PLAN, uses("NDXP", AdoptionStatus.STOPPED)));

    @Test
    void beforeTheMergerEachOfTheSixtyThreeProvincesCountsForItself() {
        List<ProvinceRow> rows = figures.provinces(FIXTURE, LocalDate.of(2022, 12, 31));

        assertThat(AdoptionFigures.kpis(rows)).isEqualTo(new Kpis(63, 4, 2, 1, 2));
        assertThat(level(rows, "P-HA-NOI")).isEqualTo(Level.IN_USE);
        assertThat(level(rows, "P-HA-GIANG")).isEqualTo(Level.PLANNED);
        assertThat(level(rows, "P-CAO-BANG")).isEqualTo(Level.DEPLOYING);
        assertThat(level(rows, "P-TUYEN-QUANG")).isEqualTo(Level.PLANNED);
        assertThat(rows.stream().filter(r -> r.level() == Level.NONE).count()).isEqualTo(59);
    }

    @Test
    void fromTheFirstOfJulyTwentyTwentyFiveTheThirtyFourSuccessorsHoldTheirPredecessorsDeclarations() {
        List<ProvinceRow> rows = figures.provinces(FIXTURE, LocalDate.of(2025, 7, 1));

        // Hà Giang (decision) and Tuyên Quang (plan) are one province now: it counts once, in both ways.
        assertThat(AdoptionFigures.kpis(rows)).isEqualTo(new Kpis(34, 3, 2, 1, 2));
        ProvinceRow tuyenQuang = row(rows, "P-TUYEN-QUANG-2025");
        assertThat(tuyenQuang.declaredBy()).extracting(Agency::code)
                .containsExactlyInAnyOrder("P-HA-GIANG", "P-TUYEN-QUANG");
        assertThat(tuyenQuang.inPlan()).isTrue();
        assertThat(tuyenQuang.byDecision()).isTrue();
        assertThat(tuyenQuang.statuses()).containsEntry("NDXP", AdoptionStatus.PLANNED); // planned beats stopped
        assertThat(rows).noneMatch(r -> r.province().code().equals("P-HA-GIANG"));
    }

    @Test
    void theDayBeforeTheMergerStillCountsSixtyThreeProvinces() {
        assertThat(AdoptionFigures.kpis(figures.provinces(FIXTURE, LocalDate.of(2025, 6, 30))))
                .isEqualTo(new Kpis(63, 4, 2, 1, 2));
    }

    @Test
    void aProvinceRenamedOnTheFirstOfJanuaryKeepsItsDeclarations() {
        List<AdoptionPlan> hue = List.of(plan("P-THUA-THIEN-HUE", DocumentKind.PLAN, uses("VNEID",
                AdoptionStatus.IN_USE)));

        assertThat(row(figures.provinces(hue, LocalDate.of(2024, 12, 31)), "P-THUA-THIEN-HUE").deploying()).isTrue();
        assertThat(row(figures.provinces(hue, LocalDate.of(2025, 1, 1)), "P-HUE").deploying()).isTrue();
    }

    @Test
    void aPlanWhoseDocumentIsDatedAfterTheDateIsNotCountedYetAndOneWithoutADateAlwaysIs() {
        List<AdoptionPlan> plans = List.of(
                documentDated(plan("P-HA-NOI", DocumentKind.PLAN, uses("VNEID", AdoptionStatus.IN_USE)),
                        LocalDate.of(2022, 6, 1)),
                documentDated(plan("P-CAO-BANG", DocumentKind.NONE, uses("VNEID", AdoptionStatus.DEPLOYING)), null));

        List<ProvinceRow> before = figures.provinces(plans, LocalDate.of(2022, 5, 31));
        assertThat(AdoptionFigures.kpis(before)).isEqualTo(new Kpis(63, 1, 0, 0, 1));
        assertThat(level(before, "P-HA-NOI")).isEqualTo(Level.NONE);
        assertThat(row(before, "P-HA-NOI").declaredBy()).isEmpty();
        assertThat(level(before, "P-CAO-BANG")).isEqualTo(Level.DEPLOYING);
        List<ProvinceRow> on = figures.provinces(plans, LocalDate.of(2022, 6, 1));
        assertThat(AdoptionFigures.kpis(on)).isEqualTo(new Kpis(63, 2, 1, 0, 2));
        assertThat(level(on, "P-HA-NOI")).isEqualTo(Level.IN_USE);
    }

    @Test
    void furthestStatusWinsWhenPredecessorsDisagree() {
        assertThat(AdoptionFigures.further(AdoptionStatus.STOPPED, AdoptionStatus.PLANNED))
                .isEqualTo(AdoptionStatus.PLANNED);
        assertThat(AdoptionFigures.further(AdoptionStatus.IN_USE, AdoptionStatus.DEPLOYING))
                .isEqualTo(AdoptionStatus.IN_USE);
    }

    static ProvinceRow row(List<ProvinceRow> rows, String code) {
        return rows.stream().filter(r -> r.province().code().equals(code)).findFirst().orElseThrow();
    }

    static Level level(List<ProvinceRow> rows, String code) {
        return row(rows, code).level();
    }
}
