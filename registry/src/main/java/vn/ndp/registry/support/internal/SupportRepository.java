package vn.ndp.registry.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.shared.SqlWhere;
import vn.ndp.registry.support.Priority;
import vn.ndp.registry.support.RequestQuery;
import vn.ndp.registry.support.SupportAction;
import vn.ndp.registry.support.SupportAttachment;
import vn.ndp.registry.support.SupportMessage;
import vn.ndp.registry.support.SupportRequest;
import vn.ndp.registry.support.SupportStatus;

@Repository
public class SupportRepository {

    private static final String ACTIVE = "('OPEN', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER')";

    private final JdbcClient jdbc;

    SupportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored attachment with the request it belongs to. */
    public record StoredAttachment(SupportAttachment attachment, UUID requestId, byte[] content) {
    }

    /** Inserts the request sent from the web form {@code formToken} identifies (null: not from a form). */
    public void insert(SupportRequest r, UUID formToken) {
        jdbc.sql("""
                insert into support_request (id, platform_code, agency_code, requested_by, subject, description,
                    priority, status, due_date, created_at, updated_at, sample, form_token)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.platformCode(), r.agencyCode(), r.requestedBy(), r.subject(), r.description(),
                        r.priority().name(), r.status().name(), r.dueDate(), r.createdAt(), r.updatedAt(),
                        r.sample(), formToken)
                .update();
    }

    /**
     * The request {@code requestedBy} opened from the form {@code formToken}, if any; holds, until the transaction
     * ends, the lock that lets only one of two sends of that form look and open.
     */
    public Optional<SupportRequest> openedFrom(String requestedBy, UUID formToken) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('support_form:' || ?))").param(formToken.toString())
                .query((rs, n) -> null).list();
        return jdbc.sql("select * from support_request where requested_by = ? and form_token = ?")
                .params(requestedBy, formToken).query(this::request).optional();
    }

    /** Moves the request on if it is still in {@code expected}; false when someone moved it first. */
    public boolean changeStatus(UUID id, SupportStatus expected, SupportStatus next, OffsetDateTime at,
            OffsetDateTime resolvedAt, OffsetDateTime closedAt) {
        return jdbc.sql("""
                update support_request set status = ?, updated_at = ?, resolved_at = ?, closed_at = ?
                where id = ? and status = ?""")
                .params(next.name(), at, resolvedAt, closedAt, id, expected.name())
                .update() == 1;
    }

    public void touch(UUID id, OffsetDateTime at) {
        jdbc.sql("update support_request set updated_at = ? where id = ?").params(at, id).update();
    }

    public Optional<SupportRequest> find(UUID id) {
        return jdbc.sql("select * from support_request where id = ?").param(id).query(this::request).optional();
    }

    /**
     * Whose requests a reader may see: every request ({@link #EVERYTHING}), or those about some platforms, or
     * those raised by some agencies.
     */
    public record Visible(List<String> platformCodes, List<String> agencyCodes) {

        public static final Visible EVERYTHING = new Visible(null, null);

        public static Visible platforms(Collection<String> codes) {
            return new Visible(List.copyOf(codes), null);
        }

        public static Visible agencies(Collection<String> codes) {
            return new Visible(null, List.copyOf(codes));
        }
    }

    /**
     * What the queue is filtered by, besides the reader's scope; null values do not filter.
     *
     * @param agencyCodes the requesting agency is one of these
     * @param overdueOn only requests past their due date on this day while the operator has the next move
     * @param subjectWords the subject contains this text, case and diacritics ignored
     */
    public record Filter(SupportStatus status, Priority priority, String platformCode, Collection<String> agencyCodes,
            LocalDate overdueOn, String subjectWords) {
    }

    /** One page of the requests the reader may see that pass the filter. */
    public List<SupportRequest> find(Visible visible, Filter filter, RequestQuery.Sort sort, int limit, int offset) {
        SqlWhere where = where(visible, filter);
        String order = switch (sort) {
            case DUE -> "case when status in " + ACTIVE + " then 0 else 1 end, due_date, created_at, id";
            case UPDATED -> "updated_at desc, id";
        };
        return jdbc.sql("select * from support_request where " + where.sql() + " order by " + order + " limit ? offset ?")
                .params(where.params(limit, offset)).query(this::request).list();
    }

    public long count(Visible visible, Filter filter) {
        SqlWhere where = where(visible, filter);
        return jdbc.sql("select count(*) from support_request where " + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    private static SqlWhere where(Visible visible, Filter filter) {
        SqlWhere where = new SqlWhere().anyOf("platform_code", visible.platformCodes())
                .anyOf("agency_code", visible.agencyCodes())
                .is("status", filter.status()).is("priority", filter.priority()).is("platform_code", filter.platformCode())
                .anyOf("agency_code", filter.agencyCodes())
                .words(filter.subjectWords(), "subject");
        if (filter.overdueOn() != null) {
            where.add("status in ('OPEN', 'IN_PROGRESS') and due_date < ?", filter.overdueOn());
        }
        return where;
    }

    /** Moves a sample request's dates into the past (demo data only; real requests are never backdated). */
    public void backdateSample(UUID id, OffsetDateTime createdAt, LocalDate dueDate) {
        jdbc.sql("update support_request set created_at = ?, updated_at = ?, due_date = ? where id = ? and sample")
                .params(createdAt, createdAt, dueDate, id).update();
        jdbc.sql("""
                update support_message set created_at = ? where request_id = ?
                and request_id in (select id from support_request where sample)""")
                .params(createdAt, id).update();
    }

    public long samples() {
        return jdbc.sql("select count(*) from support_request where sample").query(Long.class).single();
    }

    public void insert(SupportMessage m) {
        jdbc.sql("""
                insert into support_message (id, request_id, author, author_name, side, body, status_from,
                    status_to, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.requestId(), m.author(), m.authorName(), m.side().name(), m.body(),
                        m.statusFrom() == null ? null : m.statusFrom().name(),
                        m.statusTo() == null ? null : m.statusTo().name(), m.createdAt())
                .update();
    }

    public void insert(UUID requestId, UUID messageId, SupportAttachment a, byte[] content) {
        jdbc.sql("""
                insert into support_attachment (id, request_id, message_id, file_name, content_type, size_bytes,
                    sha256, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), requestId, messageId, a.fileName(), a.contentType(), (int) a.size(), a.sha256(),
                        content, a.uploadedBy(), a.uploadedAt())
                .update();
    }

    /** The thread in the order it was written, each entry with its attachments. */
    public List<SupportMessage> thread(UUID requestId) {
        Map<UUID, List<SupportAttachment>> attachments = new LinkedHashMap<>();
        jdbc.sql("""
                select id, message_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from support_attachment where request_id = ? order by uploaded_at, file_name""")
                .param(requestId)
                .query((ResultSet rs) -> {
                    attachments.computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new ArrayList<>())
                            .add(attachment(rs));
                });
        return jdbc.sql("select * from support_message where request_id = ? order by seq").param(requestId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String from = rs.getString("status_from");
                    String to = rs.getString("status_to");
                    return new SupportMessage(id, requestId, rs.getString("author"), rs.getString("author_name"),
                            SupportAction.Side.valueOf(rs.getString("side")), rs.getString("body"),
                            from == null ? null : SupportStatus.valueOf(from),
                            to == null ? null : SupportStatus.valueOf(to),
                            rs.getObject("created_at", OffsetDateTime.class), attachments.get(id));
                })
                .list();
    }

    public Optional<StoredAttachment> attachment(UUID id) {
        return jdbc.sql("select * from support_attachment where id = ?").param(id)
                .query((rs, n) -> new StoredAttachment(attachment(rs), rs.getObject("request_id", UUID.class),
                        rs.getBytes("content")))
                .optional();
    }

    private static SupportAttachment attachment(ResultSet rs) throws SQLException {
        return new SupportAttachment(rs.getObject("id", UUID.class), rs.getString("file_name"),
                rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class));
    }

    private SupportRequest request(ResultSet rs, int row) throws SQLException {
        return new SupportRequest(rs.getObject("id", UUID.class), rs.getString("platform_code"),
                rs.getString("agency_code"), rs.getString("requested_by"), rs.getString("subject"),
                rs.getString("description"), Priority.valueOf(rs.getString("priority")),
                SupportStatus.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("resolved_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getBoolean("sample"));
    }
}
