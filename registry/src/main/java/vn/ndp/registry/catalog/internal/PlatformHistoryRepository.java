package vn.ndp.registry.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformRevision;
import vn.ndp.registry.shared.FieldChange;

/** The append-only history of catalogue entries. */
@Repository
public class PlatformHistoryRepository {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    PlatformHistoryRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    /** Writes one revision. */
    public void append(String code, int version, OffsetDateTime at, PlatformRevision.Provenance provenance,
            List<FieldChange<PlatformField>> fields) {
        appendAll(List.of(new NewRevision(code, version, provenance, fields)), at);
    }

    /** A revision to write with {@link #appendAll}. */
    public record NewRevision(String code, int version, PlatformRevision.Provenance provenance,
            List<FieldChange<PlatformField>> fields) {
    }

    /**
     * Writes revisions, all made at {@code at}, a thousand at a time: their rows as one batch, their fields with
     * PostgreSQL's COPY (an import of 100,000 platforms writes about two million field rows, and COPY takes a fraction
     * of the time of batched inserts).
     */
    public void appendAll(List<NewRevision> revisions, OffsetDateTime at) {
        for (int from = 0; from < revisions.size(); from += BATCH) {
            List<NewRevision> chunk = revisions.subList(from, Math.min(revisions.size(), from + BATCH));
            List<Long> ids = jdbc.sql("select nextval('platform_revision_id_seq') from generate_series(1, ?)")
                    .param(chunk.size()).query(Long.class).list();
            List<Object[]> rows = new ArrayList<>(chunk.size());
            StringBuilder fields = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                NewRevision revision = chunk.get(i);
                PlatformRevision.Provenance provenance = revision.provenance();
                rows.add(new Object[] {ids.get(i), revision.code(), revision.version(), at, provenance.actor(),
                        provenance.cause().name(), provenance.reference(), provenance.note(),
                        provenance.effectiveOn()});
                for (FieldChange<PlatformField> change : revision.fields()) {
                    fields.append(ids.get(i)).append(',').append(change.field().name()).append(',');
                    quoted(fields, change.before()).append(',');
                    quoted(fields, change.after()).append('\n');
                }
            }
            template.batchUpdate("""
                    insert into platform_revision (id, platform_code, version, occurred_at, actor, cause, reference, note,
                        effective_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            if (!fields.isEmpty()) {
                copyFields(fields.toString());
            }
        }
    }

    /** COPYs field rows (CSV) on the transaction's connection. */
    private void copyFields(String csv) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy platform_revision_field (revision_id, field, before, after) from stdin (format csv)",
                    new StringReader(csv));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot write the revisions' fields: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A CSV value for COPY: nothing for null (COPY's NULL), otherwise in double quotes, inner quotes doubled. */
    private static StringBuilder quoted(StringBuilder csv, String value) {
        if (value != null) {
            csv.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return csv;
    }

    /** Revisions of the platform, oldest first; only those after {@code afterVersion} when it is not null. */
    public List<PlatformRevision> of(String code, Integer afterVersion) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("""
                select r.*, f.field, f.before, f.after from platform_revision r
                left join platform_revision_field f on f.revision_id = r.id
                where r.platform_code = ? and r.version > ? order by r.id, f.field""")
                .params(code, afterVersion == null ? Integer.MIN_VALUE : afterVersion)
                .query(rs -> {
                    Row row = rows.computeIfAbsent(rs.getLong("id"), id -> {
                        try {
                            return new Row(id, rs.getInt("version"), rs.getObject("occurred_at", OffsetDateTime.class),
                                    rs.getString("actor"), PlatformRevision.Cause.valueOf(rs.getString("cause")),
                                    rs.getString("reference"), rs.getString("note"),
                                    rs.getObject("effective_on", LocalDate.class), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String field = rs.getString("field");
                    if (field != null) {
                        row.fields.add(new FieldChange<>(PlatformField.valueOf(field),
                                rs.getString("before"), rs.getString("after")));
                    }
                });
        return rows.values().stream()
                .map(r -> new PlatformRevision(r.id, code, r.version, r.at, r.actor, r.cause, r.reference, r.note,
                        r.effectiveOn, r.fields))
                .toList();
    }

    private record Row(long id, int version, OffsetDateTime at, String actor, PlatformRevision.Cause cause,
            String reference, String note, LocalDate effectiveOn, List<FieldChange<PlatformField>> fields) {
    }
}
