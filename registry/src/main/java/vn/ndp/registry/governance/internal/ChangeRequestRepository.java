package vn.ndp.registry.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.governance.ChangeRequest;
import vn.ndp.registry.governance.ChangeStatus;
import vn.ndp.registry.governance.EvidenceDocument;
import vn.ndp.registry.shared.FieldChange;

@Repository
public class ChangeRequestRepository {

    private static final TypeReference<List<Stored>> CHANGES = new TypeReference<>() {
    };

    /** A field change as stored in JSON: the wire name of the field. */
    record Stored(String field, String before, String after) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final DocumentRepository documents;

    ChangeRequestRepository(JdbcClient jdbc, ObjectMapper json, DocumentRepository documents) {
        this.jdbc = jdbc;
        this.json = json;
        this.documents = documents;
    }

    public void insert(ChangeRequest c) {
        jdbc.sql("""
                insert into change_request (id, platform_code, agency_code, status, changes, base_version, reason,
                    effective_on, requested_by, requested_at, version)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, 0)""")
                .params(c.id(), c.platformCode(), c.agencyCode(), c.status().name(), changesJson(c.changes()),
                        c.baseVersion(), c.reason(), c.effectiveOn(), c.requestedBy(), c.requestedAt())
                .update();
    }

    public boolean decide(UUID id, int expectedVersion, ChangeStatus status, String by, OffsetDateTime at,
            String note) {
        return jdbc.sql("""
                update change_request set status = ?, decided_by = ?, decided_at = ?, decision_note = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(status.name(), by, at, note, id, expectedVersion).update() == 1;
    }

    /** Counts a change to a pending request (evidence added) so that a reviewer who read it before must reload. */
    public boolean touchIfPending(UUID id, int expectedVersion) {
        return jdbc.sql("""
                update change_request set version = version + 1
                where id = ? and version = ? and status = 'PENDING'""")
                .params(id, expectedVersion).update() == 1;
    }

    public Optional<ChangeRequest> find(UUID id) {
        return withDocuments(jdbc.sql("select * from change_request where id = ?").param(id).query(this::change)
                .list()).stream().findFirst();
    }

    public List<ChangeRequest> ofPlatform(String code) {
        return withDocuments(jdbc.sql("select * from change_request where platform_code = ?"
                + " order by requested_at desc").param(code).query(this::change).list());
    }

    /**
     * Holds, until the transaction ends, the right to ask for a change of the platform: another transaction that asks
     * for one waits here until this one has stored its request (or given up).
     */
    public void lockRequestsOf(String code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("change_request " + code).query().singleRow();
    }

    /** The platform's pending requests, oldest first, without their documents. */
    public List<ChangeRequest> pendingOf(String code) {
        return jdbc.sql("select * from change_request where platform_code = ? and status = 'PENDING'"
                + " order by requested_at").param(code).query(this::change).list();
    }

    public List<ChangeRequest> inStatus(ChangeStatus status) {
        return withDocuments(jdbc.sql("select * from change_request where status = ? order by requested_at")
                .param(status.name()).query(this::change).list());
    }

    public List<ChangeRequest> ofAgencies(List<String> agencyCodes) {
        return withDocuments(jdbc.sql("select * from change_request where agency_code = any(?)"
                + " order by requested_at desc")
                .param(agencyCodes.toArray(String[]::new)).query(this::change).list());
    }

    /** The requests with their documents, fetched in one query for all of them. */
    private List<ChangeRequest> withDocuments(List<ChangeRequest> requests) {
        Map<UUID, List<EvidenceDocument>> attached = documents.ofChangeRequests(
                requests.stream().map(ChangeRequest::id).toList());
        return requests.stream().map(c -> new ChangeRequest(c.id(), c.platformCode(), c.agencyCode(), c.status(),
                c.changes(), c.baseVersion(), c.reason(), c.effectiveOn(), c.requestedBy(), c.requestedAt(), c.decidedBy(),
                c.decidedAt(), c.decisionNote(), c.version(), attached.get(c.id()))).toList();
    }

    private String changesJson(List<FieldChange<PlatformField>> changes) {
        List<Stored> stored = new ArrayList<>();
        changes.forEach(c -> stored.add(new Stored(c.field().wireName(), c.before(), c.after())));
        return json.writeValueAsString(stored);
    }

    private ChangeRequest change(ResultSet rs, int row) throws SQLException {
        List<FieldChange<PlatformField>> changes = json.readValue(rs.getString("changes"), CHANGES).stream()
                .map(s -> new FieldChange<>(PlatformField.fromWire(s.field()), s.before(), s.after())).toList();
        return new ChangeRequest(rs.getObject("id", UUID.class), rs.getString("platform_code"),
                rs.getString("agency_code"), ChangeStatus.valueOf(rs.getString("status")), changes,
                rs.getInt("base_version"), rs.getString("reason"), rs.getObject("effective_on", LocalDate.class),
                rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"), rs.getInt("version"),
                List.of());
    }
}
