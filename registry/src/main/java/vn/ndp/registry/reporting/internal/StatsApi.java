package vn.ndp.registry.reporting.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ndp.registry.reporting.CatalogStatistics;
import vn.ndp.registry.reporting.ProgrammeFigures;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.ProblemApi;

@ProblemApi
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics")
class StatsApi {

    private final CatalogStatistics statistics;
    private final ProgrammeFigures figures;

    StatsApi(CatalogStatistics statistics, ProgrammeFigures figures) {
        this.statistics = statistics;
        this.figures = figures;
    }

    @GetMapping("/platforms")
    @Operation(summary = "Platforms counted by owner (as of a date, following successions) or by category")
    CatalogStatistics.Breakdown platforms(@RequestParam(required = false) String by,
            @RequestParam(required = false) String asOf) {
        InvalidParameters params = new InvalidParameters();
        CatalogStatistics.Dimension dimension = params.choice("by", by, CatalogStatistics.Dimension.class);
        if (by == null || by.isBlank()) {
            params.reject("by", "is required: owner or category.");
        }
        LocalDate date = params.date("asOf", asOf);
        params.throwIfAny();
        return statistics.breakdown(dimension, date);
    }

    @GetMapping("/figures")
    @Operation(summary = "Figures the programme published, each with its source document")
    List<Figure> figures() {
        return figures.all().stream().map(f -> new Figure(f.key(), f.dimension().isEmpty() ? null : f.dimension(),
                f.labelVi(), f.labelEn(), f.value(), f.unit(), f.asOf(), f.document(), f.source())).toList();
    }

    record Figure(String key, String dimension, String labelVi, String labelEn, BigDecimal value, String unit,
            LocalDate asOf, String document, String source) {
    }
}
