package vn.ndp.registry.adoption.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.adoption.ProvinceProposal;

@Repository
public class ProvinceProposalRepository {

    private final JdbcClient jdbc;

    ProvinceProposalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ProvinceProposal p) {
        jdbc.sql("""
                insert into province_proposal (id, province_code, name, description, reason, status, sample,
                    created_by, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(p.id(), p.provinceCode(), p.name(), p.description(), p.reason(), p.status().name(),
                        p.sample(), p.createdBy(), p.createdAt())
                .update();
    }

    public boolean decideIfVersion(UUID id, int expectedVersion, ProvinceProposal.Status status, String reason,
            String decidedBy, OffsetDateTime decidedAt) {
        return jdbc.sql("""
                update province_proposal set status = ?, decision_reason = ?, decided_by = ?, decided_at = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(status.name(), reason, decidedBy, decidedAt, id, expectedVersion).update() == 1;
    }

    public Optional<ProvinceProposal> find(UUID id) {
        return jdbc.sql("select * from province_proposal where id = ?").param(id)
                .query(ProvinceProposalRepository::row).optional();
    }

    public List<ProvinceProposal> ofProvinces(Collection<String> codes) {
        return jdbc.sql("select * from province_proposal where province_code = any(?) order by created_at desc")
                .param(codes.toArray(String[]::new)).query(ProvinceProposalRepository::row).list();
    }

    public List<ProvinceProposal> all() {
        return jdbc.sql("select * from province_proposal order by status <> 'SUBMITTED', created_at desc")
                .query(ProvinceProposalRepository::row).list();
    }

    private static ProvinceProposal row(ResultSet rs, int n) throws SQLException {
        return new ProvinceProposal(rs.getObject("id", UUID.class), rs.getString("province_code"),
                rs.getString("name"), rs.getString("description"), rs.getString("reason"),
                ProvinceProposal.Status.valueOf(rs.getString("status")), rs.getString("decision_reason"),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class), rs.getBoolean("sample"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
    }
}
