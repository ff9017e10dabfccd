package vn.ndp.registry.governance.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.governance.EvidenceDocument;

@Repository
public class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored document with the proposal it belongs to. */
    public record Stored(EvidenceDocument document, UUID proposalId, byte[] content) {
    }

    public void insert(UUID proposalId, EvidenceDocument d, byte[] content) {
        jdbc.sql("""
                insert into evidence_document (id, proposal_id, file_name, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), proposalId, d.fileName(), d.contentType(), (int) d.size(), d.sha256(), content,
                        d.uploadedBy(), d.uploadedAt())
                .update();
    }

    public List<EvidenceDocument> ofProposal(UUID proposalId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from evidence_document where proposal_id = ? order by uploaded_at, file_name""")
                .param(proposalId)
                .query((rs, n) -> new EvidenceDocument(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from evidence_document where id = ?").param(id)
                .query((rs, n) -> new Stored(new EvidenceDocument(rs.getObject("id", UUID.class),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        rs.getString("sha256"), rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class)),
                        rs.getObject("proposal_id", UUID.class), rs.getBytes("content")))
                .optional();
    }
}
