package vn.ndp.registry.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V16 keeps the owners and statuses that change requests, standing decisions and imports replaced before it: each
 * revision that changed one ends the value before it on the Vietnamese day it was made, so that "as of" an earlier
 * day still shows it.
 */
class EarlierOwnersMigrationIntegrationTests {

    @Test
    void ownersAndStatusesReplacedBeforeTheMigrationBecomeEarlierValuesEndingOnTheDayOfTheirChange()
            throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource data = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(data).locations("classpath:db/migration").target("15").load().migrate();
            JdbcClient jdbc = JdbcClient.create(data);
            for (String agency : List.of("BCA", "BQP", "BTC")) {
                jdbc.sql("insert into agency (code, kind, name_vi, source) values (?, 'MINISTRY', ?, 'test')")
                        .params(agency, "Bộ " + agency).update();
            }
            jdbc.sql("""
                    insert into platform (code, name_vi, owner_code, category, type, status)
                    values ('SOC-TEST', 'Nền tảng giám sát', 'BTC', 'GOVERNMENT', 'PLATFORM', 'REVOKED')""").update();
            revision(jdbc, 1, "2025-12-31T18:30:00Z", "CHANGE_APPROVED", "OWNER", "BCA", "BQP");
            revision(jdbc, 2, "2026-03-02T02:00:00Z", "CHANGE_APPROVED", "OWNER", "BQP", "BTC");
            revision(jdbc, 3, "2026-03-02T03:00:00Z", "SUSPENDED", "STATUS", "in_use", "suspended");
            revision(jdbc, 4, "2026-03-02T04:00:00Z", "REVOKED", "STATUS", "suspended", "revoked");
            revision(jdbc, 5, "2026-04-01T04:00:00Z", "CHANGE_APPROVED", "NAME_VI", "Cũ", "Mới");

            Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();

            assertThat(jdbc.sql("""
                    select field || ' ' || value || ' ' || superseded_on from platform_earlier_value
                    where platform_code = 'SOC-TEST' order by field, superseded_on""").query(String.class).list())
                    .as("18:30 UTC on 31/12 is 01/01 in Vietnam; of two changes on one day the value before that day")
                    .containsExactly("OWNER BCA 2026-01-01", "OWNER BQP 2026-03-02", "STATUS IN_USE 2026-03-02");
        }
    }

    private static void revision(JdbcClient jdbc, int version, String at, String cause, String field, String before,
            String after) {
        long id = jdbc.sql("""
                insert into platform_revision (platform_code, version, occurred_at, actor, cause)
                values ('SOC-TEST', ?, ?::timestamptz, 'reviewer', ?) returning id""")
                .params(version, at, cause).query(Long.class).single();
        jdbc.sql("insert into platform_revision_field (revision_id, field, before, after) values (?, ?, ?, ?)")
                .params(id, field, before, after).update();
    }
}
