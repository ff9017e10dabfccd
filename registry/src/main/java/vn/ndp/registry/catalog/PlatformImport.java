package vn.ndp.registry.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.PlatformRevision.Provenance;
import vn.ndp.registry.catalog.internal.PlatformHistoryRepository;
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
    private final PlatformHistoryRepository history;
    private final AuditLog audit;
    private final Clock clock;
    private final PlatformRegister register;

    PlatformImport(PlatformRepository repository, Agencies agencies, Catalog catalog, TransactionTemplate transaction,
            PlatformHistoryRepository history, AuditLog audit, Clock clock, PlatformRegister register) {
        this.repository = repository;
        this.agencies = agencies;
        this.catalog = catalog;
        this.transaction = transaction;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
        this.register = register;
    }

    /**
     * @param created rows whose code was new
     * @param updated rows that changed an existing platform
     * @param unchanged rows identical to the stored platform (not written again)
     * @param ignoredColumns header columns the import does not know, e.g. a misspelt optional column
     */
    public record Report(int created, int updated, int unchanged, List<String> ignoredColumns) {

        public int rows() {
            return created + updated + unchanged;
        }
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

    /**
     * Reads, checks and stores the file's platforms, then updates the search
     * index. Throws {@link ErrorCode#INVALID_BODY} for a file that is not a
     * readable table and {@link ErrorCode#IMPORT_REJECTED}, listing every bad
     * cell, when any row is bad; nothing is written then. Each platform created
     * or changed gets a revision in its history, by {@code actor} (cause
     * {@link PlatformRevision.Cause#IMPORTED}, the file as reference, the fields
     * as they were and are), and the audit log records the import, in the same
     * transaction as the rows. Imports run one at a time: one that starts while
     * another writes waits for it, then sees its rows as existing.
     */
    public Report importFile(String fileName, byte[] content, Progress progress, String actor) {
        IntConsumer onRead = progress::read;
        Tabular.Table table = Tabular.read(fileName, content, onRead);
        PlatformRows.Parsed parsed = PlatformRows.parse(table, code -> agencies.find(code).isPresent(),
                "Import " + fileName, false, agencies.today());
        if (!parsed.errors().isEmpty()) {
            throw new RegistryException(ErrorCode.IMPORT_REJECTED,
                    parsed.errors().size() + " problem(s) in '" + fileName + "'; nothing was imported.",
                    parsed.errors());
        }
        if (parsed.platforms().isEmpty()) {
            throw new RegistryException(ErrorCode.IMPORT_REJECTED, "'" + fileName + "' has no platform rows.");
        }
        List<Platform> platforms = parsed.platforms();
        record Outcome(List<Platform> written, int created, int unchanged) {
        }
        Outcome outcome = transaction.execute(status -> {
            repository.lockAddingPlatformsExclusively();
            Map<String, Platform> stored = new HashMap<>();
            for (int from = 0; from < platforms.size(); from += CHUNK) {
                for (Platform p : repository.findByCodesForUpdate(codes(platforms.subList(from,
                        Math.min(platforms.size(), from + CHUNK))))) {
                    stored.put(p.code(), p);
                }
            }
            refuseEndedOwners(parsed, stored, fileName);
            List<Platform> changed = new ArrayList<>();
            int unchanged = 0;
            for (Platform p : platforms) {
                Platform before = stored.get(p.code());
                if (before != null && sameContent(before, p)) {
                    unchanged++;
                } else {
                    changed.add(p);
                }
            }
            for (int from = 0; from < changed.size(); from += CHUNK) {
                int to = Math.min(changed.size(), from + CHUNK);
                repository.upsertAll(changed.subList(from, to));
                progress.written(to, changed.size());
            }
            Provenance provenance = new Provenance(actor, PlatformRevision.Cause.IMPORTED, fileName, null);
            List<PlatformHistoryRepository.NewRevision> revisions = new ArrayList<>(changed.size());
            List<PlatformRepository.EarlierValue> earlier = new ArrayList<>();
            LocalDate today = agencies.today();
            for (Platform p : changed) {
                Platform before = stored.get(p.code());
                // an owner or status the file replaces was in force until today: as of earlier days, it still is
                if (before != null && !before.ownerCode().equals(p.ownerCode())) {
                    earlier.add(new PlatformRepository.EarlierValue(p.code(), PlatformField.OWNER, before.ownerCode(),
                            today));
                }
                if (before != null && before.status() != p.status()) {
                    earlier.add(new PlatformRepository.EarlierValue(p.code(), PlatformField.STATUS,
                            before.status().name(), today));
                }
                revisions.add(new PlatformHistoryRepository.NewRevision(p.code(),
                        before == null ? 0 : before.version() + 1, provenance, PlatformField.changes(before, p)));
            }
            repository.recordEarlier(earlier);
            history.appendAll(revisions, OffsetDateTime.now(clock));
            int created = platforms.size() - stored.size();
            audit.record(AuditEvent.PLATFORMS_IMPORTED, actor, "import:" + fileName, Map.of("rows", platforms.size(),
                    "created", created, "updated", changed.size() - created, "unchanged", unchanged));
            return new Outcome(changed, created, unchanged);
        });
        if (!outcome.written().isEmpty()) {
            catalog.reindex(outcome.written());
        }
        return new Report(outcome.created(), outcome.written().size() - outcome.created(), outcome.unchanged(),
                parsed.ignoredColumns());
    }

    private static final int CHUNK = 5000;

    private static List<String> codes(List<Platform> platforms) {
        return platforms.stream().map(Platform::code).toList();
    }

    /**
     * Refuses, each on its line, the rows that give a platform an owner that has ended by the day it would take
     * effect: the listing date of a new platform (today when unknown or later), today for one that changes owner.
     * A platform that keeps its owner keeps it, even one that has ended since (its successions say who holds it).
     */
    private void refuseEndedOwners(PlatformRows.Parsed parsed, Map<String, Platform> stored, String fileName) {
        LocalDate today = agencies.today();
        List<RegistryException.FieldError> refused = new ArrayList<>();
        for (int i = 0; i < parsed.platforms().size(); i++) {
            Platform row = parsed.platforms().get(i);
            Platform before = stored.get(row.code());
            if (before != null && before.ownerCode().equals(row.ownerCode())) {
                continue;
            }
            LocalDate effective = before == null ? EffectiveDateRules.ownedFrom(row.listingDate(), today) : today;
            int line = parsed.lines().get(i);
            register.endedOwner(row.ownerCode(), effective).ifPresent(why -> refused.add(
                    new RegistryException.FieldError(PlatformField.OWNER.column(), line, "cannot own a platform: " + why)));
        }
        if (!refused.isEmpty()) {
            throw new RegistryException(ErrorCode.IMPORT_REJECTED, refused.size() + " problem(s) in '" + fileName
                    + "'; nothing was imported.", refused);
        }
    }

    /** Equal apart from the stored version. */
    private static boolean sameContent(Platform stored, Platform imported) {
        return stored.equals(new Platform(imported.code(), imported.nameVi(), imported.nameEn(),
                imported.descriptionVi(), imported.descriptionEn(), imported.ownerCode(), imported.operator(),
                imported.developer(), imported.category(), imported.type(), imported.scopes(), imported.status(),
                imported.legalBasis(), imported.website(), imported.security(), imported.dataInVietnam(),
                imported.ndxpStatus(), imported.tags(), imported.listedFrom(), imported.source(), imported.sample(),
                stored.version(), stored.past()));
    }
}
