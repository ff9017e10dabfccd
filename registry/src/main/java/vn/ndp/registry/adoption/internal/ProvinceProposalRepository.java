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
import vn.ndp.registry.shared.SqlWhere;

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

    /**
     * What the list is filtered by; null values do not filter.
     *
     * @param provinceCodes the proposing province is one of these (an empty set matches nothing)
     * @param words words in the proposed name, case and diacritics ignored
     */
    public record Filter(Collection<String> provinceCodes, ProvinceProposal.Status status, String words) {
    }

    /** One page of the proposals that pass the filter, the most recently changed (submitted or decided) first. */
    public List<ProvinceProposal> find(Filter filter, int limit, int offset) {
        SqlWhere where = where(filter);
        return jdbc.sql("select * from province_proposal where " + where.sql()
                        + " order by coalesce(decided_at, created_at) desc, id limit ? offset ?")
                .params(where.params(limit, offset)).query(ProvinceProposalRepository::row).list();
    }

    public long count(Filter filter) {
        SqlWhere where = where(filter);
        return jdbc.sql("select count(*) from province_proposal where " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    private static SqlWhere where(Filter filter) {
        return new SqlWhere().anyOf("province_code", filter.provinceCodes()).is("status", filter.status())
                .words(filter.words(), "name");
    }

    private static ProvinceProposal row(ResultSet rs, int n) throws SQLException {
        return new ProvinceProposal(rs.getObject("id", UUID.class), rs.getString("province_code"),
                rs.getString("name"), rs.getString("description"), rs.getString("reason"),
                ProvinceProposal.Status.valueOf(rs.getString("status")), rs.getString("decision_reason"),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class), rs.getBoolean("sample"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
    }
}
