package vn.ndp.registry.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.governance.Evaluation;
import vn.ndp.registry.governance.EvidenceDocument;
import vn.ndp.registry.governance.Proposal;
import vn.ndp.registry.governance.ProposalStatus;
import vn.ndp.registry.shared.SqlWhere;

@Repository
public class ProposalRepository {

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final DocumentRepository documents;

    ProposalRepository(JdbcClient jdbc, ObjectMapper json, DocumentRepository documents) {
        this.jdbc = jdbc;
        this.json = json;
        this.documents = documents;
    }

    public void insert(Proposal p) {
        jdbc.sql("""
                insert into proposal (id, platform_code, agency_code, status, fields, created_by, created_at,
                    updated_at, version)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, 0)""")
                .params(p.id(), p.platformCode(), p.agencyCode(), p.status().name(), fieldsJson(p.fields()),
                        p.createdBy(), p.createdAt(), p.updatedAt())
                .update();
    }

    /** Writes the proposal if it is still at {@code expectedVersion}; false when someone changed it first. */
    public boolean updateIfVersion(Proposal p, int expectedVersion) {
        Proposal.Decision d = p.decision();
        return jdbc.sql("""
                update proposal set status = ?, fields = ?::jsonb, evaluation = ?::jsonb, return_reason = ?,
                    decision_number = ?, decision_date = ?, decision_issuer = ?, decision_reason = ?,
                    submitted_at = ?, decided_by = ?, decided_at = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(p.status().name(), fieldsJson(p.fields()),
                        p.evaluation() == null ? null : json.writeValueAsString(p.evaluation()), p.returnReason(),
                        d == null ? null : d.number(), d == null ? null : d.date(), d == null ? null : d.issuer(),
                        p.decisionReason(), p.submittedAt(), p.decidedBy(), p.decidedAt(), p.updatedAt(), p.id(),
                        expectedVersion)
                .update() == 1;
    }

    public Optional<Proposal> find(UUID id) {
        return jdbc.sql("select * from proposal where id = ?").param(id).query(this::proposal).optional();
    }

    /**
     * What the proposal list is filtered by; null values do not filter.
     *
     * @param agencyCodes the proposing agency is one of these (the reader's scope)
     * @param words words in the proposed Vietnamese or English name or the code, case and diacritics ignored
     */
    public record Filter(List<String> agencyCodes, ProposalStatus status, String words) {
    }

    /** One page of the proposals that pass the filter, the most recently changed first. */
    public List<Proposal> find(Filter filter, int limit, int offset) {
        SqlWhere where = where(filter);
        return jdbc.sql("select * from proposal where " + where.sql() + " order by updated_at desc, id limit ? offset ?")
                .params(where.params(limit, offset)).query(this::proposal).list();
    }

    public long count(Filter filter) {
        SqlWhere where = where(filter);
        return jdbc.sql("select count(*) from proposal where " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    private static SqlWhere where(Filter filter) {
        return new SqlWhere().anyOf("agency_code", filter.agencyCodes()).is("status", filter.status())
                .words(filter.words(), "fields ->> 'name_vi'", "fields ->> 'name_en'", "platform_code");
    }

    public List<Proposal> inStatus(List<ProposalStatus> statuses) {
        return jdbc.sql("select * from proposal where status = any(?) order by coalesce(submitted_at, updated_at)")
                .param(statuses.stream().map(Enum::name).toArray(String[]::new)).query(this::proposal).list();
    }

    public boolean openWithCode(String platformCode, UUID other) {
        return jdbc.sql("""
                select count(*) from proposal where platform_code = ? and id <> ?
                and status in ('DRAFT', 'SUBMITTED', 'UNDER_EVALUATION', 'RETURNED')""")
                .params(platformCode, other).query(Long.class).single() > 0;
    }

    private String fieldsJson(Map<PlatformField, String> fields) {
        Map<String, String> wire = new LinkedHashMap<>();
        fields.forEach((k, v) -> wire.put(k.wireName(), v));
        return json.writeValueAsString(wire);
    }

    private Proposal proposal(ResultSet rs, int row) throws SQLException {
        Map<PlatformField, String> fields = new EnumMap<>(PlatformField.class);
        json.readValue(rs.getString("fields"), FIELDS).forEach((k, v) -> {
            PlatformField field = PlatformField.fromWire(k);
            if (field != null && v != null) {
                fields.put(field, v);
            }
        });
        String evaluation = rs.getString("evaluation");
        String number = rs.getString("decision_number");
        UUID id = rs.getObject("id", UUID.class);
        List<EvidenceDocument> attached = documents.ofProposal(id);
        return new Proposal(id, rs.getString("platform_code"), rs.getString("agency_code"),
                ProposalStatus.valueOf(rs.getString("status")), fields,
                evaluation == null ? null : json.readValue(evaluation, Evaluation.class), rs.getString("return_reason"),
                number == null ? null : new Proposal.Decision(number, rs.getObject("decision_date", LocalDate.class),
                        rs.getString("decision_issuer")),
                rs.getString("decision_reason"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"), attached);
    }
}
