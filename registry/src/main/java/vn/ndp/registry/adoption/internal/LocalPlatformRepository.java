package vn.ndp.registry.adoption.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.adoption.LocalPlatform;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.overlap.Verdict;

@Repository
public class LocalPlatformRepository {

    private final JdbcClient jdbc;

    LocalPlatformRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(LocalPlatform p) {
        jdbc.sql("""
                insert into local_platform (id, province_code, name_vi, name_en, description_vi, functions, category,
                    type, status, website, department, overlap_verdict, overlap_matches, overlap_reason, sample,
                    created_by, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(p.id(), p.provinceCode(), p.nameVi(), p.nameEn(), p.description(),
                        p.functions().toArray(String[]::new), name(p.category()), name(p.type()), name(p.status()),
                        p.website(), p.department(), p.overlapVerdict().name(),
                        p.overlapMatches().toArray(String[]::new), p.overlapReason(), p.sample(), p.createdBy(),
                        p.createdAt())
                .update();
    }

    public List<LocalPlatform> ofProvinces(Collection<String> provinceCodes) {
        return jdbc.sql("select * from local_platform where province_code = any(?) order by created_at")
                .param(provinceCodes.toArray(String[]::new)).query(LocalPlatformRepository::row).list();
    }

    public List<LocalPlatform> all() {
        return jdbc.sql("select * from local_platform order by province_code, created_at")
                .query(LocalPlatformRepository::row).list();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static LocalPlatform row(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        String type = rs.getString("type");
        String status = rs.getString("status");
        return new LocalPlatform(rs.getObject("id", UUID.class), rs.getString("province_code"),
                rs.getString("name_vi"), rs.getString("name_en"), rs.getString("description_vi"),
                strings(rs.getArray("functions")), category == null ? null : Category.valueOf(category),
                type == null ? null : PlatformType.valueOf(type), status == null ? null : AdoptionStatus.valueOf(status),
                rs.getString("website"), rs.getString("department"), Verdict.valueOf(rs.getString("overlap_verdict")),
                strings(rs.getArray("overlap_matches")), rs.getString("overlap_reason"), rs.getBoolean("sample"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
