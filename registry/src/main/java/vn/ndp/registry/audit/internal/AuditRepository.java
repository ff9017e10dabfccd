package vn.ndp.registry.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.SqlWhere;
import vn.ndp.registry.shared.VietnamTime;

@Repository
public class AuditRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void append(OffsetDateTime at, AuditEvent event, String actor, String subject, Map<String, ?> detail,
            String remoteAddress) {
        jdbc.sql("""
                insert into audit_event (occurred_at, event, actor, subject, detail, remote_addr)
                values (?, ?, ?, ?, ?::jsonb, ?)""")
                .params(at, event.name(), actor, subject, json.writeValueAsString(detail == null ? Map.of() : detail),
                        remoteAddress)
                .update();
    }

    public List<AuditLog.Entry> find(AuditLog.Filter filter, int limit, int offset) {
        SqlWhere where = where(filter);
        return jdbc.sql("select * from audit_event where " + where.sql() + " order by id desc limit ? offset ?")
                .params(where.params(limit, offset))
                .query((rs, n) -> new AuditLog.Entry(rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class), AuditEvent.valueOf(rs.getString("event")),
                        rs.getString("actor"), rs.getString("subject"), json.readValue(rs.getString("detail"), MAP),
                        rs.getString("remote_addr")))
                .list();
    }

    public long count(AuditLog.Filter filter) {
        SqlWhere where = where(filter);
        return jdbc.sql("select count(*) from audit_event where " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** The filter's days are Vietnam's: from the first moment of {@code from} to the last of {@code to}. */
    private static SqlWhere where(AuditLog.Filter filter) {
        SqlWhere where = new SqlWhere().is("event", filter.event()).is("actor", InvalidParameters.stripped(filter.actor()))
                .is("subject", InvalidParameters.stripped(filter.subject()));
        if (filter.from() != null) {
            where.add("occurred_at >= ?", VietnamTime.startOf(filter.from()));
        }
        if (filter.to() != null) {
            where.add("occurred_at < ?", VietnamTime.startOf(filter.to().plusDays(1)));
        }
        return where;
    }
}
