package vn.ndp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.PlatformQuery;

/**
 * NDP_DB_URL / NDP_DB_USER / NDP_DB_PASSWORD point the registry at an external
 * PostgreSQL server: no embedded server is started, Flyway migrates the given
 * database and the reference data is loaded into it.
 */
class ExternalDatabaseIntegrationTests {

    @Test
    void theRegistryRunsOnAnExternalServerAndStartsNoEmbeddedOne(@TempDir Path unusedDataDir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            try (var connection = external.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create database registry_external");
            }
            SpringApplication application = new SpringApplication(RegistryApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            // as the environment variables NDP_DB_URL, NDP_DB_USER and NDP_DB_PASSWORD would
            application.setDefaultProperties(Map.of(
                    "NDP_DB_URL", external.getJdbcUrl("postgres", "registry_external"),
                    "NDP_DB_USER", "postgres",
                    "NDP_DB_PASSWORD", "",
                    "ndp.data-dir", unusedDataDir.toString()));
            try (ConfigurableApplicationContext context = application.run()) {
                assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
                assertThat(context.getBean(Catalog.class).search(PlatformQuery.all(null)).total()).isPositive();
            }
            try (var connection = external.getDatabase("postgres", "registry_external").getConnection();
                    var rows = connection.createStatement().executeQuery("select count(*) from agency")) {
                rows.next();
                assertThat(rows.getInt(1)).isGreaterThan(100);
            }
            assertThat(unusedDataDir.resolve("pg")).doesNotExist();
        }
    }
}
