package vn.ndp.registry.adoption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import org.attoparser.dom.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ndp.registry.HtmlPage;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.adoption.AdoptionDesk;
import vn.ndp.registry.agencies.Agency;

/** The tile layouts cover exactly the provinces of the reference data, one square each, named in the reader's language. */
@RegistryIntegrationTest
class ProvinceMapIntegrationTests {

    @Autowired
    AdoptionDesk desk;

    @Autowired
    MockMvc mvc;

    @Test
    void everyProvinceOfEachPeriodHasItsOwnSquare() {
        for (LocalDate date : List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30))) {
            assertCovers(ProvinceMap.OLD_LAYOUT, desk.provincesOn(date), 63);
        }
        assertCovers(ProvinceMap.NEW_LAYOUT, desk.provincesOn(LocalDate.of(2025, 7, 1)), 34);
    }

    @Test
    void anEnglishMapNamesItsTilesInEnglish() throws Exception {
        String english = mvc.perform(get("/adoption").param("asOf", "2025-06-30").param("lang", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Element> tiles = HtmlPage.parse(english).elementsOfClass("text", "tile-name");
        assertThat(HtmlPage.parse(english).elements("title").stream().map(HtmlPage::text))
                .anySatisfy(t -> assertThat(t).startsWith("Ba Ria - Vung Tau Province: "));
        assertThat(tiles.stream().map(HtmlPage::text).toList()).contains("Hanoi", "Ba Ria -", "Vung Tau", "Hue")
                .doesNotContain("Hà Nội", "Vũng Tàu", "Province");
        String vietnamese = mvc.perform(get("/adoption").param("asOf", "2025-06-30").param("lang", "vi"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HtmlPage.parse(vietnamese).elementsOfClass("text", "tile-name").stream().map(HtmlPage::text))
                .contains("Hà Nội", "Vũng Tàu");
    }

    @Test
    void longNamesAreSplitIntoTwoLinesAtAWordBoundary() {
        assertThat(ProvinceMap.split("Bà Rịa - Vũng Tàu")).containsExactly("Bà Rịa -", "Vũng Tàu");
        assertThat(ProvinceMap.split("Hà Nội")).containsExactly("Hà Nội", "");
    }

    private static void assertCovers(Map<String, int[]> layout, List<Agency> provinces, int count) {
        assertThat(provinces).hasSize(count);
        Set<String> squares = new HashSet<>();
        for (Agency province : provinces) {
            int[] at = layout.get(province.code());
            assertThat(at).as(province.code()).isNotNull();
            assertThat(squares.add(at[0] + "," + at[1])).as("square of " + province.code()).isTrue();
        }
    }
}
