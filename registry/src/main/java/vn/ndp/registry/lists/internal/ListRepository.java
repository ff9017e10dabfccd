package vn.ndp.registry.lists.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.lists.ListEntry;
import vn.ndp.registry.lists.ListVersion;
import vn.ndp.registry.lists.UndatedPlatform;

/** Insert and read only: the database refuses updates and deletes of list versions. */
@Repository
public class ListRepository {

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<List<LinkedHashMap<String, String>>> UNDATED = new TypeReference<>() {
    };
    private static final String SELECT = """
            select v.*, (select count(*) from list_entry e where e.list_id = v.id) as platform_count,
                   (select coalesce(jsonb_agg(jsonb_build_object('code', u.platform_code, 'nameVi', u.name_vi,
                                                                 'nameEn', u.name_en, 'status', u.status)
                                              order by u.platform_code), '[]'::jsonb)
                    from list_undated u where u.list_id = v.id) as undated
            from list_version v""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ListRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The PostgreSQL advisory lock key of "publishing a list version" ("NDP-LIST" in ASCII). */
    static final long PUBLISHING = 0x4E44502D4C495354L;

    /**
     * Makes publications wait for one another until the transaction ends, so that two from one document cannot both
     * find it unpublished.
     */
    public void lockPublishing() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(PUBLISHING).query().singleRow();
    }

    public void insert(ListVersion v, List<ListEntry> entries) {
        jdbc.sql("""
                insert into list_version (id, title, document_number, document_date, issuer, note, statuses,
                                          published_at, published_by)
                values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?)""")
                .params(v.id(), v.title(), v.documentNumber(), v.documentDate(), v.issuer(), v.note(),
                        "{" + String.join(",", v.statuses().stream().map(Enum::name).toList()) + "}",
                        v.publishedAt(), v.publishedBy())
                .update();
        for (ListEntry e : entries) {
            jdbc.sql("""
                    insert into list_entry (list_id, position, platform_code, owner_code, owner_name_vi,
                                            owner_name_en, fields)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb)""")
                    .params(v.id(), e.position(), e.platformCode(), e.ownerCode(), e.ownerNameVi(), e.ownerNameEn(),
                            json.writeValueAsString(e.fields()))
                    .update();
        }
        for (UndatedPlatform u : v.undated()) {
            jdbc.sql("""
                    insert into list_undated (list_id, platform_code, name_vi, name_en, status)
                    values (?, ?, ?, ?, ?)""")
                    .params(v.id(), u.platformCode(), u.nameVi(), u.nameEn(), u.status().name())
                    .update();
        }
    }

    public List<ListVersion> findAll() {
        return jdbc.sql(SELECT + " order by v.document_date desc, v.published_at desc")
                .query(this::version).list();
    }

    /**
     * The versions' documents, each a version's id with its document number and issuer (no entries or left-out
     * platforms read), oldest publication first.
     */
    public List<Document> documents() {
        return jdbc.sql("select id, document_number, issuer from list_version order by published_at")
                .query((rs, n) -> new Document(rs.getObject("id", UUID.class), rs.getString("document_number"),
                        rs.getString("issuer"))).list();
    }

    /** What a version was published from. */
    public record Document(UUID id, String number, String issuer) {
    }

    public Optional<ListVersion> find(UUID id) {
        return jdbc.sql(SELECT + " where v.id = ?").param(id).query(this::version).optional();
    }

    public List<ListEntry> entries(UUID id) {
        return jdbc.sql("select * from list_entry where list_id = ? order by position").param(id)
                .query((rs, n) -> new ListEntry(rs.getInt("position"), rs.getString("platform_code"),
                        rs.getString("owner_code"), rs.getString("owner_name_vi"), rs.getString("owner_name_en"),
                        json.readValue(rs.getString("fields"), FIELDS)))
                .list();
    }

    private ListVersion version(ResultSet rs, int row) throws SQLException {
        List<LifecycleStatus> statuses = Arrays.stream((String[]) rs.getArray("statuses").getArray())
                .map(LifecycleStatus::valueOf).toList();
        return new ListVersion(rs.getObject("id", UUID.class), rs.getString("title"),
                rs.getString("document_number"), rs.getObject("document_date", LocalDate.class),
                rs.getString("issuer"), rs.getString("note"), statuses,
                rs.getObject("published_at", OffsetDateTime.class), rs.getString("published_by"),
                rs.getInt("platform_count"), json.readValue(rs.getString("undated"), UNDATED).stream()
                        .map(u -> new UndatedPlatform(u.get("code"), u.get("nameVi"), u.get("nameEn"),
                                LifecycleStatus.valueOf(u.get("status"))))
                        .toList());
    }
}
