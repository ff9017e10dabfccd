package vn.ndp.registry.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ndp.registry.shared.FoldedSearch;

class AgencyGraphTests {

    static final LocalDate MERGER = LocalDate.of(2025, 3, 1);

    static Agency agency(String code, LocalDate from, LocalDate to) {
        return new Agency(code, AgencyKind.MINISTRY, code, null, null, null, null, null, from, to, "test", false);
    }

    static Succession succession(String from, String to, LocalDate on, SuccessionKind kind, boolean main) {
        return new Succession(from, to, on, kind, main, "Nghị quyết 176/2025/QH15", null, "test");
    }

    final AgencyGraph graph = new AgencyGraph(
            List.of(agency("BGTVT", null, MERGER.minusDays(1)), agency("BXD", null, null),
                    agency("BLDTBXH", null, MERGER.minusDays(1)), agency("BNV", null, null),
                    agency("BGDDT", null, null), agency("BYT", null, null)),
            List.of(succession("BGTVT", "BXD", MERGER, SuccessionKind.MERGED, true),
                    succession("BLDTBXH", "BNV", MERGER, SuccessionKind.SPLIT, true),
                    succession("BLDTBXH", "BGDDT", MERGER, SuccessionKind.SPLIT, false)));

    @Test
    void transportPlatformBelongsToTransportBeforeTheMergerAndToConstructionFromIt() {
        assertThat(graph.resolve("BGTVT", LocalDate.of(2024, 7, 3))).isEqualTo("BGTVT");
        assertThat(graph.resolve("BGTVT", MERGER.minusDays(1))).isEqualTo("BGTVT");
        assertThat(graph.resolve("BGTVT", MERGER)).isEqualTo("BXD");
    }

    @Test
    void splitAgencyHandsItsPlatformsToTheMainSuccessorOnly() {
        assertThat(graph.resolve("BLDTBXH", MERGER)).isEqualTo("BNV");
        assertThat(graph.resolvingTo("BGDDT", MERGER)).containsExactly("BGDDT");
    }

    @Test
    void ownershipHistoryShowsBothOwnersWithTheirDates() {
        List<Tenure> tenures = graph.tenures("BGTVT");
        assertThat(tenures).extracting(t -> t.agency().code()).containsExactly("BGTVT", "BXD");
        assertThat(tenures.get(0).to()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(tenures.get(1).from()).isEqualTo(MERGER);
        assertThat(tenures.get(1).cause().kind()).isEqualTo(SuccessionKind.MERGED);
        assertThat(tenures.get(1).covers(LocalDate.of(2026, 1, 1))).isTrue();
    }

    @Test
    void successorCollectsItsPredecessorsPlatformsOnlyFromTheMergerDate() {
        assertThat(graph.resolvingTo("BXD", MERGER)).containsExactlyInAnyOrder("BXD", "BGTVT");
        assertThat(graph.resolvingTo("BXD", MERGER.minusDays(1))).containsExactly("BXD");
    }

    @Test
    void chainsOfSuccessionsAreFollowedToTheEnd() {
        AgencyGraph chain = new AgencyGraph(
                List.of(agency("A", null, null), agency("B", null, null), agency("C", null, null)),
                List.of(succession("A", "B", LocalDate.of(2020, 1, 1), SuccessionKind.RENAMED, true),
                        succession("B", "C", LocalDate.of(2025, 7, 1), SuccessionKind.MERGED, true)));
        assertThat(chain.resolve("A", LocalDate.of(2024, 1, 1))).isEqualTo("B");
        assertThat(chain.resolve("A", LocalDate.of(2025, 7, 1))).isEqualTo("C");
        assertThat(chain.tenures("A")).extracting(t -> t.agency().code()).containsExactly("A", "B", "C");
    }

    @Test
    void aCycleOfSuccessionsIsReportedInsteadOfLoopingForever() {
        AgencyGraph cycle = new AgencyGraph(List.of(agency("A", null, null), agency("B", null, null)),
                List.of(succession("A", "B", LocalDate.of(2020, 1, 1), SuccessionKind.RENAMED, true),
                        succession("B", "A", LocalDate.of(2021, 1, 1), SuccessionKind.RENAMED, true)));
        assertThatIllegalStateException().isThrownBy(() -> cycle.resolve("A", LocalDate.of(2022, 1, 1)));
    }

    @Test
    void foldingRemovesVietnameseDiacriticsAndTheBarredD() {
        assertThat(FoldedSearch.fold("Đắk Lắk")).isEqualTo("dak lak");
        assertThat(FoldedSearch.fold("Nền tảng số")).isEqualTo("nen tang so");
        assertThat(FoldedSearch.fold("Thừa Thiên Huế")).isEqualTo("thua thien hue");
    }
}
