package vn.ndp.registry.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ndp.protocol.evidence.Hashes;

/**
 * The reference data files shipped in {@code classpath:reference/}. A module
 * reloads a file only when its content differs from what the database holds.
 */
@Component
public class ReferenceFiles {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReferenceFiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The file's bytes if it exists and differs from the loaded version. */
    public Optional<ReferenceFile> changed(String name) {
        ClassPathResource resource = new ClassPathResource("reference/" + name);
        if (!resource.exists()) {
            return Optional.empty();
        }
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + name, e);
        }
        String sha256 = Hashes.hex(Hashes.sha256(content));
        Optional<String> loaded = jdbc.sql("select sha256 from reference_load where file = ?")
                .param(name).query(String.class).optional();
        if (loaded.filter(sha256::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceFile(name, content, sha256));
    }

    /** Records that a file's content is in the database; call in the loading transaction. */
    public void markLoaded(ReferenceFile file, int rows) {
        jdbc.sql("""
                insert into reference_load (file, sha256, rows, loaded_at) values (?, ?, ?, ?)
                on conflict (file) do update set sha256 = excluded.sha256, rows = excluded.rows,
                    loaded_at = excluded.loaded_at""")
                .params(file.name(), file.sha256(), rows, OffsetDateTime.now(clock))
                .update();
    }

    public record ReferenceFile(String name, byte[] content, String sha256) {
    }
}
