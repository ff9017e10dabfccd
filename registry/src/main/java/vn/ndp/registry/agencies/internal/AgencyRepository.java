package vn.ndp.registry.agencies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyKind;
import vn.ndp.registry.agencies.Succession;
import vn.ndp.registry.agencies.SuccessionKind;

@Repository
public class AgencyRepository {

    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Agency> findAll() {
        return jdbc.sql("select * from agency order by code").query(AgencyRepository::agency).list();
    }

    public List<Succession> findAllSuccessions() {
        return jdbc.sql("select * from agency_succession order by effective_date, predecessor_code")
                .query(AgencyRepository::succession).list();
    }

    public void upsert(Agency a) {
        jdbc.sql("""
                insert into agency (code, kind, name_vi, name_en, short_name, official_code, admin_code, parent_code,
                                    valid_from, valid_to, source, sample)
                values (:code, :kind, :nameVi, :nameEn, :shortName, :officialCode, :adminCode, :parentCode,
                        :validFrom, :validTo, :source, :sample)
                on conflict (code) do update set kind = excluded.kind, name_vi = excluded.name_vi,
                    name_en = excluded.name_en, short_name = excluded.short_name,
                    official_code = excluded.official_code, admin_code = excluded.admin_code,
                    parent_code = excluded.parent_code, valid_from = excluded.valid_from,
                    valid_to = excluded.valid_to, source = excluded.source, sample = excluded.sample""")
                .param("code", a.code()).param("kind", a.kind().name()).param("nameVi", a.nameVi())
                .param("nameEn", a.nameEn()).param("shortName", a.shortName())
                .param("officialCode", a.officialCode()).param("adminCode", a.adminCode())
                .param("parentCode", a.parentCode()).param("validFrom", a.validFrom())
                .param("validTo", a.validTo()).param("source", a.source()).param("sample", a.sample())
                .update();
    }

    /** Replaces the non-sample successions with the given ones. */
    public void replaceReferenceSuccessions(List<Succession> successions) {
        jdbc.sql("delete from agency_succession").update();
        for (Succession s : successions) {
            jdbc.sql("""
                    insert into agency_succession (predecessor_code, successor_code, effective_date, kind, main,
                                                   legal_basis, note, source)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(s.predecessorCode(), s.successorCode(), s.effectiveDate(), s.kind().name(), s.main(),
                            s.legalBasis(), s.note(), s.source())
                    .update();
        }
    }

    static Agency agency(ResultSet rs, int row) throws SQLException {
        return new Agency(rs.getString("code"), AgencyKind.valueOf(rs.getString("kind")), rs.getString("name_vi"),
                rs.getString("name_en"), rs.getString("short_name"), rs.getString("official_code"),
                rs.getString("admin_code"), rs.getString("parent_code"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("source"), rs.getBoolean("sample"));
    }

    static Succession succession(ResultSet rs, int row) throws SQLException {
        return new Succession(rs.getString("predecessor_code"), rs.getString("successor_code"),
                rs.getObject("effective_date", LocalDate.class), SuccessionKind.valueOf(rs.getString("kind")),
                rs.getBoolean("main"), rs.getString("legal_basis"), rs.getString("note"), rs.getString("source"));
    }
}
