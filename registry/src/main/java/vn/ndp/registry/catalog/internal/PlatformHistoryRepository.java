package vn.ndp.registry.catalog.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformRevision;

/** The append-only history of catalogue entries. */
@Repository
public class PlatformHistoryRepository {

    private final JdbcClient jdbc;

    PlatformHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long append(String code, int version, OffsetDateTime at, PlatformRevision.Provenance provenance,
            List<PlatformRevision.FieldChange> fields) {
        long id = jdbc.sql("""
                insert into platform_revision (platform_code, version, occurred_at, actor, cause, reference, note)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(code, version, at, provenance.actor(), provenance.cause().name(), provenance.reference(),
                        provenance.note())
                .query(Long.class).single();
        for (PlatformRevision.FieldChange change : fields) {
            jdbc.sql("insert into platform_revision_field (revision_id, field, before, after) values (?, ?, ?, ?)")
                    .params(id, change.field().name(), change.before(), change.after()).update();
        }
        return id;
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
                                    rs.getString("reference"), rs.getString("note"), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String field = rs.getString("field");
                    if (field != null) {
                        row.fields.add(new PlatformRevision.FieldChange(PlatformField.valueOf(field),
                                rs.getString("before"), rs.getString("after")));
                    }
                });
        return rows.values().stream()
                .map(r -> new PlatformRevision(r.id, code, r.version, r.at, r.actor, r.cause, r.reference, r.note,
                        r.fields))
                .toList();
    }

    private record Row(long id, int version, OffsetDateTime at, String actor, PlatformRevision.Cause cause,
            String reference, String note, List<PlatformRevision.FieldChange> fields) {
    }
}
