package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTests {

    @Test
    void barsAreScaledToTheLargestValueAndStackedOneRowEach() {
        BarChart chart = BarChart.of("c", "title", "desc", List.of(
                new BarChart.Datum("Bộ Công an", null, 13, "/platforms?owner=BCA"),
                new BarChart.Datum("Bộ Tài chính", null, 1, null)));
        assertThat(chart.bars().get(0).barWidth()).isEqualTo(BarChart.WIDTH - BarChart.VALUE_SPACE);
        assertThat(chart.bars().get(1).barWidth()).isLessThan(chart.bars().get(0).barWidth() / 10);
        assertThat(chart.bars().get(1).barY()).isEqualTo(chart.bars().get(0).barY() + BarChart.ROW);
        assertThat(chart.height()).isEqualTo(2 * BarChart.ROW);
    }

    @Test
    void chartsComparedSideBySideShareOneScale() {
        BarChart half = BarChart.of("c", "t", "d", List.of(new BarChart.Datum("A", null, 5, null)), 10);
        assertThat(half.bars().getFirst().barWidth()).isEqualTo((BarChart.WIDTH - BarChart.VALUE_SPACE) / 2);
    }

    @Test
    void aLargeValueWrittenWithItsSeparatorsStillFitsRightOfTheLongestBar() {
        BarChart chart = BarChart.of("c", "t", "d",
                List.of(new BarChart.Datum("24/11/2026", null, 123_456_789, null)));
        int characters = "123.456.789".length();
        assertThat(chart.bars().getFirst().valueX() + characters * BarChart.VALUE_CHARACTER)
                .isLessThanOrEqualTo(BarChart.WIDTH);
    }

    @Test
    void longLabelsAreShortenedButKeptWholeForTheTable() {
        String name = "Hệ thống thông tin chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ";
        BarChart chart = BarChart.of("c", "t", "d", List.of(new BarChart.Datum(name, null, 1, null)));
        assertThat(chart.bars().getFirst().shortLabel()).endsWith("…").hasSizeLessThanOrEqualTo(BarChart.MAX_LABEL);
        assertThat(chart.bars().getFirst().label()).isEqualTo(name);
    }
}
