package vn.ndp.registry.governance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.governance.EvidenceDocument;
import vn.ndp.registry.governance.EvidenceOwner;

@Repository
public class DocumentRepository {

    private static final String DESCRIPTION = "id, proposal_id, change_id, file_name, content_type, size_bytes, sha256,"
            + " uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored document with what it is attached to. */
    public record Stored(EvidenceDocument document, EvidenceOwner owner, DocumentStore.Placement placement) {
    }

    public void insert(EvidenceOwner owner, EvidenceDocument d, DocumentStore.Placement placement) {
        UUID proposalId = owner instanceof EvidenceOwner.OfProposal p ? p.id() : null;
        UUID changeId = owner instanceof EvidenceOwner.OfChangeRequest c ? c.id() : null;
        jdbc.sql("""
                insert into evidence_document (id, proposal_id, change_id, file_name, content_type, size_bytes, sha256,
                    stored_in, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), proposalId, changeId, d.fileName(), d.contentType(), (int) d.size(), d.sha256(),
                        placement.location().name(), placement.inRow(), d.uploadedBy(), d.uploadedAt())
                .update();
    }

    public List<EvidenceDocument> ofProposal(UUID proposalId) {
        return jdbc.sql("select " + DESCRIPTION + " from evidence_document where proposal_id = ?"
                + " order by uploaded_at, file_name")
                .param(proposalId).query(DocumentRepository::document).list();
    }

    /** The documents of each change request, in upload order; requests without any are absent. */
    public Map<UUID, List<EvidenceDocument>> ofChangeRequests(Collection<UUID> changeIds) {
        Map<UUID, List<EvidenceDocument>> byChange = new HashMap<>();
        if (changeIds.isEmpty()) {
            return byChange;
        }
        jdbc.sql("select " + DESCRIPTION + " from evidence_document where change_id = any(?::uuid[])"
                + " order by uploaded_at, file_name")
                .param(changeIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    byChange.computeIfAbsent(rs.getObject("change_id", UUID.class), id -> new ArrayList<>())
                            .add(document(rs, 0));
                });
        return byChange;
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("select " + DESCRIPTION + ", stored_in, content from evidence_document where id = ?")
                .param(id)
                .query((rs, n) -> new Stored(document(rs, n), owner(rs), new DocumentStore.Placement(
                        DocumentStore.Location.valueOf(rs.getString("stored_in")), rs.getBytes("content"))))
                .optional();
    }

    private static EvidenceOwner owner(ResultSet rs) throws SQLException {
        UUID proposalId = rs.getObject("proposal_id", UUID.class);
        return proposalId != null ? new EvidenceOwner.OfProposal(proposalId)
                : new EvidenceOwner.OfChangeRequest(rs.getObject("change_id", UUID.class));
    }

    private static EvidenceDocument document(ResultSet rs, int row) throws SQLException {
        return new EvidenceDocument(rs.getObject("id", UUID.class), rs.getString("file_name"),
                rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class));
    }
}
