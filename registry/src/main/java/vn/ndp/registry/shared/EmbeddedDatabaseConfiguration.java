package vn.ndp.registry.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL server started from the binaries on
 * the class path, its cluster kept in {@code ndp.data-dir/pg} between runs.
 * Not used when {@code NDP_DB_URL} points at an external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "ndp";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${ndp.data-dir}") Path dataDir,
            @Value("${ndp.db.throwaway:false}") boolean throwaway) throws IOException {
        Path cluster = dataDir.resolve("pg");
        Files.createDirectories(cluster);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(throwaway)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), cluster);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        createDatabaseIfMissing(postgres.getPostgresDatabase());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("ndp");
        // batches of inserts go as multi-row statements (an import writes 100,000 platforms and their revisions)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(DataSource admin) throws SQLException {
        try (var connection = admin.getConnection();
                var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            try (var rows = check.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        }
    }
}
