package vn.ndp.registry.adoption.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.adoption.LocalPlatform;
import vn.ndp.registry.adoption.LocalPlatformRevision;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.overlap.Verdict;
import vn.ndp.registry.shared.FieldChange;

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
                    created_by, created_at, updated_by, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(p.id(), p.provinceCode(), p.nameVi(), p.nameEn(), p.description(),
                        p.functions().toArray(String[]::new), name(p.category()), name(p.type()), name(p.status()),
                        p.website(), p.department(), p.overlapVerdict().name(),
                        p.overlapMatches().toArray(String[]::new), p.overlapReason(), p.sample(), p.createdBy(),
                        p.createdAt(), p.createdBy(), p.createdAt())
                .update();
    }

    /** Writes the fields of {@code p} if the row is still at {@code expectedVersion}; false if it is not. */
    public boolean updateIfVersion(LocalPlatform p, int expectedVersion) {
        return jdbc.sql("""
                update local_platform set name_vi = ?, name_en = ?, description_vi = ?, functions = ?, category = ?,
                    type = ?, status = ?, website = ?, department = ?, overlap_verdict = ?, overlap_matches = ?,
                    overlap_reason = ?, updated_by = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and removed_at is null""")
                .params(p.nameVi(), p.nameEn(), p.description(), p.functions().toArray(String[]::new),
                        name(p.category()), name(p.type()), name(p.status()), p.website(), p.department(),
                        p.overlapVerdict().name(), p.overlapMatches().toArray(String[]::new), p.overlapReason(),
                        p.updatedBy(), p.updatedAt(), p.id(), expectedVersion)
                .update() == 1;
    }

    /** Marks the platform removed if it is still at {@code expectedVersion}; false if it is not. */
    public boolean removeIfVersion(UUID id, int expectedVersion, LocalPlatform.Removal removal) {
        return jdbc.sql("""
                update local_platform set removed_at = ?, removed_by = ?, removal_reason = ?, updated_by = ?,
                    updated_at = ?, version = version + 1
                where id = ? and version = ? and removed_at is null""")
                .params(removal.at(), removal.by(), removal.reason(), removal.by(), removal.at(), id, expectedVersion)
                .update() == 1;
    }

    public Optional<LocalPlatform> find(UUID id) {
        return jdbc.sql("select * from local_platform where id = ?").param(id).query(LocalPlatformRepository::row)
                .optional();
    }

    /** The platforms of these provinces: those in the register, or those removed from it. */
    public List<LocalPlatform> ofProvinces(Collection<String> provinceCodes, boolean removed) {
        return jdbc.sql("select * from local_platform where province_code = any(?) and (removed_at is not null) = ?"
                        + " order by created_at")
                .params(provinceCodes.toArray(String[]::new), removed).query(LocalPlatformRepository::row).list();
    }

    /** Every platform of these provinces, removed from the register or not, in the order they were registered. */
    public List<LocalPlatform> everyOfProvinces(Collection<String> provinceCodes) {
        return jdbc.sql("select * from local_platform where province_code = any(?) order by created_at")
                .param(provinceCodes.toArray(String[]::new)).query(LocalPlatformRepository::row).list();
    }

    /** Holds, until the transaction ends, the lock that takes one province's registrations one at a time. */
    public void lockProvince(String provinceCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('local_platform:' || ?))").param(provinceCode)
                .query((rs, n) -> null).list();
    }

    /** Every platform in the register (removed ones left out). */
    public List<LocalPlatform> active() {
        return jdbc.sql("select * from local_platform where removed_at is null order by province_code, created_at")
                .query(LocalPlatformRepository::row).list();
    }

    public void appendRevision(UUID id, int version, OffsetDateTime at, String actor, LocalPlatformRevision.Cause cause,
            String note, List<FieldChange<String>> fields) {
        long revision = jdbc.sql("""
                insert into local_platform_revision (local_platform_id, version, occurred_at, actor, cause, note)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(id, version, at, actor, cause.name(), note).query(Long.class).single();
        if (!fields.isEmpty()) { // one statement for all the fields
            jdbc.sql("""
                    insert into local_platform_revision_field (revision_id, field, before, after)
                    select ?, f.field, f.before, f.after from unnest(?::text[], ?::text[], ?::text[]) as f (field, before, after)""")
                    .params(revision, fields.stream().map(FieldChange::field).toArray(String[]::new),
                            fields.stream().map(FieldChange::before).toArray(String[]::new),
                            fields.stream().map(FieldChange::after).toArray(String[]::new))
                    .update();
        }
    }

    /** The platform's revisions after {@code sinceVersion} (all when null), oldest first. */
    public List<LocalPlatformRevision> history(UUID id, Integer sinceVersion) {
        Map<Long, List<FieldChange<String>>> fields = new LinkedHashMap<>();
        jdbc.sql("""
                select f.* from local_platform_revision_field f
                join local_platform_revision r on r.id = f.revision_id
                where r.local_platform_id = ? and r.version > ?""")
                .params(id, sinceVersion == null ? -1 : sinceVersion)
                .query(rs -> {
                    fields.computeIfAbsent(rs.getLong("revision_id"), k -> new ArrayList<>()).add(new FieldChange<>(
                            rs.getString("field"), rs.getString("before"), rs.getString("after")));
                });
        return jdbc.sql("select * from local_platform_revision where local_platform_id = ? and version > ?"
                        + " order by version")
                .params(id, sinceVersion == null ? -1 : sinceVersion)
                .query((rs, n) -> new LocalPlatformRevision(rs.getLong("id"), id, rs.getInt("version"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        LocalPlatformRevision.Cause.valueOf(rs.getString("cause")), rs.getString("note"),
                        ordered(fields.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    /** Fields in the order a revision lists them (name first), whatever order the database returned. */
    private static List<FieldChange<String>> ordered(List<FieldChange<String>> fields) {
        List<String> order = LocalPlatformRevision.FIELDS;
        return fields.stream().sorted(Comparator.comparingInt(f -> {
            int i = order.indexOf(f.field());
            return i < 0 ? order.size() : i;
        })).toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static LocalPlatform row(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        String type = rs.getString("type");
        String status = rs.getString("status");
        OffsetDateTime removedAt = rs.getObject("removed_at", OffsetDateTime.class);
        return new LocalPlatform(rs.getObject("id", UUID.class), rs.getString("province_code"),
                rs.getString("name_vi"), rs.getString("name_en"), rs.getString("description_vi"),
                strings(rs.getArray("functions")), category == null ? null : Category.valueOf(category),
                type == null ? null : PlatformType.valueOf(type), status == null ? null : AdoptionStatus.valueOf(status),
                rs.getString("website"), rs.getString("department"), Verdict.valueOf(rs.getString("overlap_verdict")),
                strings(rs.getArray("overlap_matches")), rs.getString("overlap_reason"), rs.getBoolean("sample"),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class),
                removedAt == null ? null : new LocalPlatform.Removal(removedAt, rs.getString("removed_by"),
                        rs.getString("removal_reason")),
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
