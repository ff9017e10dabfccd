package vn.ndp.registry.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.shared.ReferenceFiles;
import vn.ndp.registry.shared.Tabular;

/** The programme's published figures, loaded from {@code programme_figures.csv}. */
@Service
public class ProgrammeFigures {

    private final JdbcClient jdbc;

    ProgrammeFigures(JdbcClient jdbc, ReferenceFiles files, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        files.changed("programme_figures.csv").ifPresent(file -> transaction.executeWithoutResult(status -> {
            var rows = Tabular.readCsv(file.content(), n -> { }).rows();
            jdbc.sql("delete from programme_figure").update();
            for (var row : rows) {
                jdbc.sql("""
                        insert into programme_figure (key, dimension, label_vi, label_en, value, unit, as_of,
                                                      document, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(row.get("key"), row.get("dimension") == null ? "" : row.get("dimension"),
                                row.get("label_vi"), row.get("label_en"), new BigDecimal(row.get("value")),
                                row.get("unit"), row.get("as_of") == null ? null : LocalDate.parse(row.get("as_of")),
                                row.get("document"), row.get("source"))
                        .update();
            }
            files.markLoaded(file, rows.size());
        }));
    }

    /**
     * The figures published on or before {@code date}: a page as of an earlier date does not show what was
     * published later. A figure whose date is unknown is kept.
     */
    public List<ProgrammeFigure> publishedBy(LocalDate date) {
        return all().stream().filter(f -> f.asOf() == null || !f.asOf().isAfter(date)).toList();
    }

    public List<ProgrammeFigure> all() {
        return jdbc.sql("select * from programme_figure order by as_of nulls last, key, dimension")
                .query((rs, n) -> new ProgrammeFigure(rs.getString("key"), rs.getString("dimension"),
                        rs.getString("label_vi"), rs.getString("label_en"), rs.getBigDecimal("value"),
                        rs.getString("unit"), rs.getObject("as_of", LocalDate.class), rs.getString("document"),
                        rs.getString("source")))
                .list();
    }
}
