package vn.ndp.registry.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.PlatformRelation;
import vn.ndp.registry.catalog.RelationKind;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.ReferenceFiles;
import vn.ndp.registry.shared.ReferenceFiles.ReferenceFile;
import vn.ndp.registry.shared.Tabular;
import vn.ndp.registry.shared.Tabular.TableRow;

/** Loads the shipped {@code platforms.csv} and {@code platform_relations.csv} when they changed. */
@Component
public class PlatformReferenceData {

    private static final Logger log = LoggerFactory.getLogger(PlatformReferenceData.class);

    private final ReferenceFiles files;
    private final PlatformRepository repository;
    private final Agencies agencies;
    private final TransactionTemplate transaction;

    PlatformReferenceData(ReferenceFiles files, PlatformRepository repository, Agencies agencies,
            TransactionTemplate transaction) {
        this.files = files;
        this.repository = repository;
        this.agencies = agencies;
        this.transaction = transaction;
    }

    public void load() {
        var platformFile = files.changed("platforms.csv");
        var relationFile = files.changed("platform_relations.csv");
        transaction.executeWithoutResult(status -> {
            platformFile.ifPresent(this::loadPlatforms);
            relationFile.ifPresent(this::loadRelations);
        });
    }

    private void loadPlatforms(ReferenceFile file) {
        var parsed = PlatformRows.parse(Tabular.readCsv(file.content(), n -> { }),
                code -> agencies.find(code).isPresent(), "NDP reference data", false, agencies.today());
        if (!parsed.errors().isEmpty()) {
            throw new IllegalStateException("The shipped platforms.csv is invalid: " + parsed.errors());
        }
        repository.upsertAll(parsed.platforms());
        files.markLoaded(file, parsed.platforms().size());
        log.info("Loaded {} reference platforms", parsed.platforms().size());
    }

    private void loadRelations(ReferenceFile file) {
        List<PlatformRelation> relations = new ArrayList<>();
        Set<String> from = new HashSet<>();
        for (TableRow row : Tabular.readCsv(file.content(), n -> { }).rows()) {
            RelationKind kind = Wire.parse(RelationKind.class, row.get("kind"));
            if (kind == null || row.get("from_code") == null || row.get("to_code") == null) {
                throw new IllegalStateException("platform_relations.csv line " + row.line() + " is invalid");
            }
            relations.add(new PlatformRelation(row.get("from_code"), row.get("to_code"), kind, row.get("source")));
            from.add(row.get("from_code"));
        }
        repository.replaceRelations(relations, from);
        files.markLoaded(file, relations.size());
        log.info("Loaded {} reference platform relations", relations.size());
    }
}
