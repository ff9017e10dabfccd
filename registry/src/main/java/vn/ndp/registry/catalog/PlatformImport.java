package vn.ndp.registry.catalog;

import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.internal.PlatformRepository;
import vn.ndp.registry.catalog.internal.PlatformRows;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.Tabular;

/**
 * Imports a platform list (CSV UTF-8 or XLSX with a header row). All or
 * nothing: if any row is bad nothing is written and every problem is reported
 * with its line and column. Re-importing updates platforms by code.
 */
@Service
public class PlatformImport {

    private final PlatformRepository repository;
    private final Agencies agencies;
    private final Catalog catalog;
    private final TransactionTemplate transaction;

    PlatformImport(PlatformRepository repository, Agencies agencies, Catalog catalog, TransactionTemplate transaction) {
        this.repository = repository;
        this.agencies = agencies;
        this.catalog = catalog;
        this.transaction = transaction;
    }

    public record Report(int created, int updated) {
    }

    /** Progress reported to the caller as it goes. */
    public interface Progress {
        void read(int rows);

        void written(int rows, int of);

        Progress NONE = new Progress() {
            @Override
            public void read(int rows) {
            }

            @Override
            public void written(int rows, int of) {
            }
        };
    }

    public Report importFile(String fileName, byte[] content, Progress progress) {
        IntConsumer onRead = progress::read;
        Tabular.Table table = Tabular.read(fileName, content, onRead);
        if (table.rows().isEmpty()) {
            throw new RegistryException(ErrorCode.IMPORT_REJECTED, "'" + fileName + "' has no platform rows.");
        }
        PlatformRows.Parsed parsed = PlatformRows.parse(table, code -> agencies.find(code).isPresent(),
                "Import " + fileName, false);
        if (!parsed.errors().isEmpty()) {
            throw new RegistryException(ErrorCode.IMPORT_REJECTED,
                    parsed.errors().size() + " problem(s) in '" + fileName + "'; nothing was imported.",
                    parsed.errors());
        }
        List<Platform> platforms = parsed.platforms();
        Report report = transaction.execute(status -> {
            Set<String> existing = repository.existingCodes(platforms.stream().map(Platform::code).toList());
            int chunk = 5000;
            for (int from = 0; from < platforms.size(); from += chunk) {
                repository.upsertAll(platforms.subList(from, Math.min(platforms.size(), from + chunk)));
                progress.written(Math.min(platforms.size(), from + chunk), platforms.size());
            }
            return new Report(platforms.size() - existing.size(), existing.size());
        });
        catalog.reindex(platforms);
        return report;
    }
}
