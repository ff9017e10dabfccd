package vn.ndp.registry.agencies.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyKind;
import vn.ndp.registry.agencies.Succession;
import vn.ndp.registry.agencies.SuccessionKind;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.ReferenceFiles;
import vn.ndp.registry.shared.ReferenceFiles.ReferenceFile;
import vn.ndp.registry.shared.Tabular;
import vn.ndp.registry.shared.Tabular.TableRow;

/** Loads {@code agencies.csv} and {@code successions.csv} when they changed since the last start. */
@Component
public class AgencyReferenceData {

    private static final Logger log = LoggerFactory.getLogger(AgencyReferenceData.class);

    private final ReferenceFiles files;
    private final AgencyRepository repository;
    private final TransactionTemplate transaction;

    AgencyReferenceData(ReferenceFiles files, AgencyRepository repository, TransactionTemplate transaction) {
        this.files = files;
        this.repository = repository;
        this.transaction = transaction;
    }

    public void load() {
        var agencyFile = files.changed("agencies.csv");
        var successionFile = files.changed("successions.csv");
        if (agencyFile.isEmpty() && successionFile.isEmpty()) {
            return;
        }
        // agencies are upserted, never deleted, so successions loaded earlier stay valid
        transaction.executeWithoutResult(status -> {
            agencyFile.ifPresent(this::loadAgencies);
            successionFile.ifPresent(this::loadSuccessions);
        });
    }

    private void loadAgencies(ReferenceFile file) {
        List<Agency> agencies = new ArrayList<>();
        for (TableRow row : Tabular.readCsv(file.content(), n -> { }).rows()) {
            agencies.add(agency(row));
        }
        // parents may come later in the file: insert without parents first, then with
        for (Agency a : agencies) {
            repository.upsert(new Agency(a.code(), a.kind(), a.nameVi(), a.nameEn(), a.shortName(), a.officialCode(),
                    a.adminCode(), null, a.validFrom(), a.validTo(), a.source(), false));
        }
        agencies.stream().filter(a -> a.parentCode() != null).forEach(repository::upsert);
        files.markLoaded(file, agencies.size());
        log.info("Loaded {} reference agencies", agencies.size());
    }

    private void loadSuccessions(ReferenceFile file) {
        List<Succession> successions = new ArrayList<>();
        Set<String> mains = new HashSet<>();
        for (TableRow row : Tabular.readCsv(file.content(), n -> { }).rows()) {
            Succession s = new Succession(required(row, "predecessor_code"), required(row, "successor_code"),
                    LocalDate.parse(required(row, "effective_date")),
                    SuccessionKind.valueOf(required(row, "kind").toUpperCase()),
                    Boolean.parseBoolean(required(row, "main")), row.get("legal_basis"), row.get("note"),
                    required(row, "source"));
            if (s.main() && !mains.add(s.predecessorCode() + "@" + s.effectiveDate())) {
                throw invalid(file.name(), row, "main", "a second main successor for " + s.predecessorCode());
            }
            successions.add(s);
        }
        repository.replaceReferenceSuccessions(successions);
        files.markLoaded(file, successions.size());
        log.info("Loaded {} reference successions", successions.size());
    }

    private static Agency agency(TableRow row) {
        AgencyKind kind = InvalidParameters.Wire.parse(AgencyKind.class, required(row, "kind"));
        if (kind == null) {
            throw invalid("agencies.csv", row, "kind", row.get("kind"));
        }
        return new Agency(required(row, "code"), kind, required(row, "name_vi"), row.get("name_en"),
                row.get("short_name"), row.get("official_code"), row.get("admin_code"), row.get("parent_code"),
                date(row, "valid_from"), date(row, "valid_to"), required(row, "source"), false);
    }

    private static LocalDate date(TableRow row, String column) {
        String value = row.get(column);
        return value == null ? null : LocalDate.parse(value);
    }

    private static String required(TableRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw invalid("reference file", row, column, "empty");
        }
        return value;
    }

    private static IllegalStateException invalid(String file, TableRow row, String column, String why) {
        return new IllegalStateException(file + " line " + row.line() + ", column " + column + ": " + why);
    }
}
