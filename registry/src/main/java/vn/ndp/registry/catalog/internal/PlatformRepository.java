package vn.ndp.registry.catalog.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.catalog.NdxpStatus;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformRelation;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.catalog.RelationKind;
import vn.ndp.registry.catalog.Scope;

@Repository
public class PlatformRepository {

    private static final String UPSERT = """
            insert into platform (code, name_vi, name_en, description_vi, description_en, owner_code, operator_name,
                operator_contact, operator_phone, operator_email, developer, category, type, scopes, status,
                legal_basis_number, legal_basis_date, legal_basis_issuer, website, security_level,
                security_dossier_approved, security_dossier_date, data_in_vietnam, ndxp_status, tags, listed_from,
                source, sample, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?,
                    ?, ?)
            on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en,
                description_vi = excluded.description_vi, description_en = excluded.description_en,
                owner_code = excluded.owner_code, operator_name = excluded.operator_name,
                operator_contact = excluded.operator_contact, operator_phone = excluded.operator_phone,
                operator_email = excluded.operator_email, developer = excluded.developer,
                category = excluded.category, type = excluded.type, scopes = excluded.scopes,
                status = excluded.status, legal_basis_number = excluded.legal_basis_number,
                legal_basis_date = excluded.legal_basis_date, legal_basis_issuer = excluded.legal_basis_issuer,
                website = excluded.website, security_level = excluded.security_level,
                security_dossier_approved = excluded.security_dossier_approved,
                security_dossier_date = excluded.security_dossier_date, data_in_vietnam = excluded.data_in_vietnam,
                ndxp_status = excluded.ndxp_status, tags = excluded.tags, listed_from = excluded.listed_from,
                source = excluded.source, sample = excluded.sample, updated_at = excluded.updated_at,
                version = platform.version + 1
            """;

    /**
     * A platform row with its earlier owners and statuses ({@code platform_earlier_value}), one per line as
     * "FIELD until value", by field and day.
     */
    private static final String SELECT = """
            select p.*, (select string_agg(e.field || ' ' || e.superseded_on || ' ' || e.value, E'\\n'
                                           order by e.field, e.superseded_on)
                         from platform_earlier_value e where e.platform_code = p.code) as earlier
            from platform p""";

    /** The PostgreSQL advisory lock key of "adding platforms to the catalogue" ("NDP-PLAT" in ASCII). */
    public static final long ADDING_PLATFORMS = 0x4E44502D504C4154L;

    private static final int FETCH_SIZE = 1000;
    /** The rows one batch statement writes: an import of thousands sends a statement per thousand. */
    private static final int BATCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    PlatformRepository(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Takes the catalogue's "adding platforms" lock exclusively until the transaction ends: a writer that may add
     * codes in bulk (an import) waits for every other such writer, so that what it reads as new or existing is
     * still true when it writes. Row locks cannot do this for codes that have no row yet.
     */
    public void lockAddingPlatformsExclusively() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ADDING_PLATFORMS).query().singleRow();
    }

    /**
     * Takes the same lock shared until the transaction ends: single additions (a recognition) run side by side,
     * but never while an import holds it exclusively.
     */
    public void lockAddingPlatformsShared() {
        jdbc.sql("select pg_advisory_xact_lock_shared(?)").param(ADDING_PLATFORMS).query().singleRow();
    }

    public Optional<Platform> findByCode(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(PlatformRepository::platform)
                .optional();
    }

    public List<Platform> findByCodes(Collection<String> codes) {
        return findByCodes(codes, "");
    }

    /**
     * As {@link #findByCodes}, locking the rows until the transaction ends (in code order, so that two writers never
     * wait on each other crosswise), so that what a writer read is still what is stored when it writes (an import
     * records each platform's fields before and after, and its next version).
     */
    public List<Platform> findByCodesForUpdate(Collection<String> codes) {
        return findByCodes(codes, " order by code for update");
    }

    private List<Platform> findByCodes(Collection<String> codes, String suffix) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where code = any(?)" + suffix).param(codes.toArray(String[]::new))
                .query(PlatformRepository::platform).list();
    }

    /** Every platform, in code order. */
    public void forEach(Consumer<Platform> consumer) {
        stream(SELECT + " order by code", consumer);
    }

    /**
     * Every platform listed on the date, in code order, by {@link Platform#listedOn(LocalDate, LocalDate)}: its
     * listing date (listed_from, else its legal basis's date) on or before the date; with neither known, only when
     * the date is not before {@code today}.
     */
    public void forEachListedOn(LocalDate date, LocalDate today, Consumer<Platform> consumer) {
        stream(SELECT + """
                 where coalesce(listed_from, legal_basis_date) <= ?
                   or (coalesce(listed_from, legal_basis_date) is null and ? >= ?)
                order by code""", consumer, date, date, today);
    }

    /** Every platform whose listing date is unknown (neither listed_from nor a legal basis's date), in code order. */
    public void forEachUndated(Consumer<Platform> consumer) {
        stream(SELECT + " where listed_from is null and legal_basis_date is null order by code", consumer);
    }

    /**
     * Reads the rows through a cursor, {@value #FETCH_SIZE} at a time, so that the whole table is never in memory
     * at once (PostgreSQL's driver honours a fetch size only inside a transaction).
     */
    private void stream(String sql, Consumer<Platform> consumer, Object... params) {
        readOnly.executeWithoutResult(status -> template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        }, (ResultSet rs) -> {
            consumer.accept(platform(rs, 0));
        }));
    }

    public Set<String> existingCodes(Collection<String> codes) {
        return new HashSet<>(jdbc.sql("select code from platform where code = any(?)")
                .param(codes.toArray(String[]::new)).query(String.class).list());
    }

    public long count() {
        return jdbc.sql("select count(*) from platform").query(Long.class).single();
    }

    /** Inserts or updates by code, in batches; the caller holds the transaction. */
    public void upsertAll(List<Platform> platforms) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> batch = new ArrayList<>(platforms.size());
        for (Platform p : platforms) {
            batch.add(values(p, now));
        }
        inBatches(UPSERT, batch);
    }

    /** Runs {@code sql} once per row, {@value #BATCH_SIZE} rows a statement. */
    private void inBatches(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE)));
        }
    }

    /** Adds a platform that is not in the catalogue yet; false when the code is taken. */
    public boolean insertNew(Platform p) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return template.update(UPSERT.substring(0, UPSERT.indexOf("on conflict")) + "on conflict (code) do nothing",
                values(p, now)) == 1;
    }

    /**
     * Writes the platform only if it still has the version the caller read
     * (optimistic locking); the stored version then goes up by one.
     */
    public boolean updateIfVersion(Platform p, int expectedVersion) {
        return template.update("""
                update platform set name_vi = ?, name_en = ?, description_vi = ?, description_en = ?, owner_code = ?,
                    operator_name = ?, operator_contact = ?, operator_phone = ?, operator_email = ?, developer = ?,
                    category = ?, type = ?, scopes = ?::text[], status = ?, legal_basis_number = ?,
                    legal_basis_date = ?, legal_basis_issuer = ?, website = ?, security_level = ?,
                    security_dossier_approved = ?, security_dossier_date = ?, data_in_vietnam = ?, ndxp_status = ?,
                    tags = ?::text[], listed_from = ?, source = ?, sample = ?, updated_at = ?, version = version + 1
                where code = ? and version = ?""",
                p.nameVi(), p.nameEn(), p.descriptionVi(), p.descriptionEn(), p.ownerCode(), p.operator().name(),
                p.operator().contact(), p.operator().phone(), p.operator().email(), p.developer(),
                p.category().name(), p.type().name(),
                arrayLiteral(p.scopes().stream().map(Enum::name).sorted().toList()), p.status().name(),
                p.legalBasis().number(), p.legalBasis().date(), p.legalBasis().issuer(), p.website(),
                p.security().level(), p.security().dossierApproved(), p.security().dossierDate(), p.dataInVietnam(),
                p.ndxpStatus().name(), arrayLiteral(p.tags()), p.listedFrom(), p.source(), p.sample(),
                OffsetDateTime.now(clock), p.code(), expectedVersion) == 1;
    }

    private static Object[] values(Platform p, OffsetDateTime now) {
        return new Object[] {p.code(), p.nameVi(), p.nameEn(), p.descriptionVi(), p.descriptionEn(),
                p.ownerCode(), p.operator().name(), p.operator().contact(), p.operator().phone(),
                p.operator().email(), p.developer(), p.category().name(), p.type().name(),
                arrayLiteral(p.scopes().stream().map(Enum::name).sorted().toList()), p.status().name(),
                p.legalBasis().number(), p.legalBasis().date(), p.legalBasis().issuer(), p.website(),
                p.security().level(), p.security().dossierApproved(), p.security().dossierDate(),
                p.dataInVietnam(), p.ndxpStatus().name(), arrayLiteral(p.tags()), p.listedFrom(), p.source(),
                p.sample(), now, now};
    }

    /** A platform's owner or status {@code value} until {@code until} (exclusive), when the next took effect. */
    public record EarlierValue(String code, PlatformField field, String value, LocalDate until) {
    }

    /**
     * Records owners and statuses platforms had until the ones now stored took effect, in batches (an import that
     * moves thousands of platforms sends a statement per thousand, not one per platform). A second change on the
     * same day keeps the value held before that day.
     */
    public void recordEarlier(List<EarlierValue> values) {
        List<Object[]> rows = values.stream()
                .map(v -> new Object[] {v.code(), v.field().name(), v.value(), v.until()})
                .toList();
        inBatches("""
                insert into platform_earlier_value (platform_code, field, value, superseded_on) values (?, ?, ?, ?)
                on conflict do nothing""", rows);
    }

    public List<PlatformRelation> relationsOf(String code) {
        return jdbc.sql("select * from platform_relation where from_code = ? or to_code = ? order by kind, to_code")
                .params(code, code)
                .query((rs, n) -> new PlatformRelation(rs.getString("from_code"), rs.getString("to_code"),
                        RelationKind.valueOf(rs.getString("kind")), rs.getString("source")))
                .list();
    }

    public void replaceRelations(Collection<PlatformRelation> relations, Collection<String> ofCodes) {
        jdbc.sql("delete from platform_relation where from_code = any(?)").param(ofCodes.toArray(String[]::new))
                .update();
        for (PlatformRelation r : relations) {
            jdbc.sql("insert into platform_relation (from_code, to_code, kind, source) values (?, ?, ?, ?)")
                    .params(r.fromCode(), r.toCode(), r.kind().name(), r.source()).update();
        }
    }

    /** A PostgreSQL array literal, so that batches need no connection-bound {@link Array}. */
    static String arrayLiteral(Collection<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    static Platform platform(ResultSet rs, int row) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : strings(rs.getArray("scopes"))) {
            scopes.add(Scope.valueOf(s));
        }
        Integer level = rs.getObject("security_level", Integer.class);
        return new Platform(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                rs.getString("description_vi"), rs.getString("description_en"), rs.getString("owner_code"),
                new Platform.Operator(rs.getString("operator_name"), rs.getString("operator_contact"),
                        rs.getString("operator_phone"), rs.getString("operator_email")),
                rs.getString("developer"), Category.valueOf(rs.getString("category")),
                PlatformType.valueOf(rs.getString("type")), scopes, LifecycleStatus.valueOf(rs.getString("status")),
                new Platform.LegalBasis(rs.getString("legal_basis_number"),
                        rs.getObject("legal_basis_date", LocalDate.class), rs.getString("legal_basis_issuer")),
                rs.getString("website"),
                new Platform.Security(level, rs.getObject("security_dossier_approved", Boolean.class),
                        rs.getObject("security_dossier_date", LocalDate.class)),
                rs.getObject("data_in_vietnam", Boolean.class), NdxpStatus.valueOf(rs.getString("ndxp_status")),
                strings(rs.getArray("tags")), rs.getObject("listed_from", LocalDate.class), rs.getString("source"),
                rs.getBoolean("sample"), rs.getInt("version"), past(rs.getString("earlier")));
    }

    private static Platform.Past past(String earlier) {
        if (earlier == null) {
            return Platform.Past.NONE;
        }
        List<Platform.Earlier> owners = new ArrayList<>();
        List<Platform.Earlier> statuses = new ArrayList<>();
        for (String line : earlier.split("\n")) {
            String[] parts = line.split(" ", 3);
            Platform.Earlier value = new Platform.Earlier(parts[2], LocalDate.parse(parts[1]));
            (PlatformField.valueOf(parts[0]) == PlatformField.OWNER ? owners : statuses).add(value);
        }
        return new Platform.Past(owners, statuses);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
