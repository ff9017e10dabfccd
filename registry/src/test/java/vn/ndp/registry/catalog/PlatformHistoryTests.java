package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A platform's owner and status on a day, from the ones it has now and those it had before. */
class PlatformHistoryTests {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 10);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);

    private static Platform platform(String owner, LifecycleStatus status, Platform.Past past) {
        return new Platform("SOC-QG", "Nền tảng giám sát", null, null, null, owner, null, null, Category.GOVERNMENT,
                PlatformType.PLATFORM, Set.of(Scope.CENTRAL), status, null, null, null, null, null, List.of(), null,
                null, false, 3, past);
    }

    @Test
    void beforeATransferThePlatformHasItsOwnerThenAndFromItsDayTheNewOne() {
        Platform p = platform("BQP", LifecycleStatus.IN_USE, new Platform.Past(
                List.of(new Platform.Earlier("BCA", JAN), new Platform.Earlier("BTC", MAR)), List.of()));

        assertThat(p.ownerCodeOn(JAN.minusDays(1))).isEqualTo("BCA");
        assertThat(p.ownerCodeOn(JAN)).isEqualTo("BTC");
        assertThat(p.ownerCodeOn(MAR)).isEqualTo("BQP");
        assertThat(p.firstOwnerCode()).isEqualTo("BCA");
        assertThat(p.ownerPeriods()).containsExactly(new Platform.Period("BCA", null, JAN),
                new Platform.Period("BTC", JAN, MAR), new Platform.Period("BQP", MAR, null));
    }

    @Test
    void onADayBeforeARevocationThePlatformHasTheStatusItHadThen() {
        Platform p = platform("BCA", LifecycleStatus.REVOKED, new Platform.Past(List.of(),
                List.of(new Platform.Earlier("RECOGNISED", MAR))));

        assertThat(p.statusOn(MAR.minusDays(1))).isEqualTo(LifecycleStatus.RECOGNISED);
        assertThat(p.on(MAR.minusDays(1)).status()).isEqualTo(LifecycleStatus.RECOGNISED);
        assertThat(p.on(MAR)).isSameAs(p);
    }

    @Test
    void aValueReplacedOnTheDayItTookEffectHeldNoDayAndIsNoPeriod() {
        Platform p = platform("BQP", LifecycleStatus.IN_USE, new Platform.Past(
                List.of(new Platform.Earlier("BCA", MAR), new Platform.Earlier("BTC", MAR)), List.of()));

        assertThat(p.ownerPeriods()).extracting(Platform.Period::value).containsExactly("BCA", "BQP");
    }
}
