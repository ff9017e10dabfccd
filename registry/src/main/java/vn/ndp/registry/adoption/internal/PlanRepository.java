package vn.ndp.registry.adoption.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.adoption.AdoptionPlan;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.adoption.DocumentKind;
import vn.ndp.registry.adoption.PlatformAdoption;
import vn.ndp.registry.adoption.Responsibility;

@Repository
public class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AdoptionPlan p, String createdBy) {
        jdbc.sql("""
                insert into adoption_plan (id, province_code, year, document_kind, document_number, document_date,
                    document_title, target_note, progress_note, sample, created_by, created_at, updated_by,
                    updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(p.id(), p.provinceCode(), p.year(), p.documentKind().name(), p.documentNumber(),
                        p.documentDate(), p.documentTitle(), p.target(), p.progress(), p.sample(), createdBy,
                        p.updatedAt(), p.updatedBy(), p.updatedAt())
                .update();
        insertEntries(p);
    }

    /** Writes the plan if it is still at {@code expectedVersion}; false when someone changed it first. */
    public boolean updateIfVersion(AdoptionPlan p, int expectedVersion) {
        int updated = jdbc.sql("""
                update adoption_plan set document_kind = ?, document_number = ?, document_date = ?,
                    document_title = ?, target_note = ?, progress_note = ?, updated_by = ?, updated_at = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(p.documentKind().name(), p.documentNumber(), p.documentDate(), p.documentTitle(), p.target(),
                        p.progress(), p.updatedBy(), p.updatedAt(), p.id(), expectedVersion)
                .update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("delete from adoption_entry where plan_id = ?").param(p.id()).update();
        insertEntries(p);
        return true;
    }

    private void insertEntries(AdoptionPlan p) {
        int position = 0;
        for (PlatformAdoption a : p.platforms()) {
            Responsibility r = a.responsibility();
            jdbc.sql("""
                    insert into adoption_entry (plan_id, platform_code, status, department, contact_name,
                        contact_title, contact_phone, contact_email, target_note, progress_note, position)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.id(), a.platformCode(), a.status().name(), r.department(), r.person(), r.title(),
                            r.phone(), r.email(), a.target(), a.progress(), position++)
                    .update();
        }
    }

    public Optional<AdoptionPlan> find(String provinceCode, int year) {
        return withEntries(jdbc.sql("select * from adoption_plan where province_code = ? and year = ?")
                .params(provinceCode, year).query(PlanRepository::plan).list()).stream().findFirst();
    }

    public List<AdoptionPlan> ofProvinces(Collection<String> provinceCodes) {
        return withEntries(jdbc.sql("select * from adoption_plan where province_code = any(?) order by year, province_code")
                .param(provinceCodes.toArray(String[]::new)).query(PlanRepository::plan).list());
    }

    public List<AdoptionPlan> ofYear(int year) {
        return withEntries(jdbc.sql("select * from adoption_plan where year = ? order by province_code")
                .param(year).query(PlanRepository::plan).list());
    }

    public List<Integer> years() {
        return jdbc.sql("select distinct year from adoption_plan order by year").query(Integer.class).list();
    }

    public boolean anySample() {
        return jdbc.sql("select exists (select 1 from adoption_plan where sample)").query(Boolean.class).single();
    }

    private List<AdoptionPlan> withEntries(List<AdoptionPlan> plans) {
        if (plans.isEmpty()) {
            return plans;
        }
        Map<UUID, List<PlatformAdoption>> entries = new HashMap<>();
        jdbc.sql("select * from adoption_entry where plan_id = any(?) order by plan_id, position")
                .param(plans.stream().map(AdoptionPlan::id).toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    entries.computeIfAbsent(rs.getObject("plan_id", UUID.class), k -> new ArrayList<>())
                            .add(entry(rs));
                });
        return plans.stream().map(p -> new AdoptionPlan(p.id(), p.provinceCode(), p.year(), p.documentKind(),
                p.documentNumber(), p.documentDate(), p.documentTitle(), p.target(), p.progress(),
                entries.getOrDefault(p.id(), List.of()), p.sample(), p.updatedBy(), p.updatedAt(), p.version()))
                .toList();
    }

    private static PlatformAdoption entry(ResultSet rs) throws SQLException {
        return new PlatformAdoption(rs.getString("platform_code"), AdoptionStatus.valueOf(rs.getString("status")),
                new Responsibility(rs.getString("department"), rs.getString("contact_name"),
                        rs.getString("contact_title"), rs.getString("contact_phone"), rs.getString("contact_email")),
                rs.getString("target_note"), rs.getString("progress_note"));
    }

    private static AdoptionPlan plan(ResultSet rs, int row) throws SQLException {
        return new AdoptionPlan(rs.getObject("id", UUID.class), rs.getString("province_code"), rs.getInt("year"),
                DocumentKind.valueOf(rs.getString("document_kind")), rs.getString("document_number"),
                rs.getObject("document_date", LocalDate.class), rs.getString("document_title"),
                rs.getString("target_note"), rs.getString("progress_note"), List.of(), rs.getBoolean("sample"),
                rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
    }
}
