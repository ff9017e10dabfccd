package vn.ndp.registry.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;

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
        Where where = where(filter);
        return jdbc.sql("select * from audit_event" + where.sql + " order by id desc limit :limit offset :offset")
                .params(where.params).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new AuditLog.Entry(rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class), AuditEvent.valueOf(rs.getString("event")),
                        rs.getString("actor"), rs.getString("subject"), json.readValue(rs.getString("detail"), MAP),
                        rs.getString("remote_addr")))
                .list();
    }

    public long count(AuditLog.Filter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from audit_event" + where.sql).params(where.params).query(Long.class)
                .single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(AuditLog.Filter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.event() != null) {
            conditions.add("event = :event");
            params.put("event", filter.event().name());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add("actor = :actor");
            params.put("actor", filter.actor().strip());
        }
        if (filter.subject() != null && !filter.subject().isBlank()) {
            conditions.add("subject = :subject");
            params.put("subject", filter.subject().strip());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.ofHours(7)));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(7)));
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }
}
