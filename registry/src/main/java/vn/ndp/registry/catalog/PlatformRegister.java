package vn.ndp.registry.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.catalog.PlatformRevision.Provenance;
import vn.ndp.registry.catalog.internal.PlatformHistoryRepository;
import vn.ndp.registry.catalog.internal.PlatformRepository;
import vn.ndp.registry.shared.ConcurrentChange;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.RegistryException;

/**
 * The catalogue's write side for governance: lists a recognised platform and
 * amends entries, each change version-checked (a writer who read an older
 * version gets {@link ErrorCode#CONCURRENT_CHANGE} naming what changed in
 * between) and recorded field by field in the platform's history. Callers hold
 * the transaction; the search index follows after it commits.
 */
@Service
public class PlatformRegister {

    /** The field that refusals of an effective date name. */
    public static final String EFFECTIVE_ON = EffectiveDateRules.FIELD;

    private final PlatformRepository platforms;
    private final PlatformHistoryRepository history;
    private final Catalog catalog;
    private final Agencies agencies;
    private final Clock clock;

    PlatformRegister(PlatformRepository platforms, PlatformHistoryRepository history, Catalog catalog,
            Agencies agencies, Clock clock) {
        this.platforms = platforms;
        this.history = history;
        this.catalog = catalog;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * Lists a new platform: every given field is validated; the code must be
     * free; its owner must not have ended by its listing date (today when that
     * is unknown or later), refused as a transfer to it would be
     * ({@link EffectiveDateRules#checkOwnerOn}); one not formed yet by then is
     * kept (a decision taken before a merger formed its ministry). Its first
     * revision records every field it was listed with.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Platform list(String code, Map<PlatformField, String> fields, java.time.LocalDate listedFrom,
            String source, Provenance provenance) {
        Platform blank = new Platform(code, null, null, null, null, null, null, null, null, null, java.util.Set.of(),
                null, null, null, null, null, null, List.of(), listedFrom, source, false, 0, null);
        Platform platform = PlatformField.apply(blank, fields, this::agencyExists);
        EffectiveDateRules.checkOwnerOn(platform,
                EffectiveDateRules.ownedFrom(platform.listingDate(), agencies.today()), agencies);
        platforms.lockAddingPlatformsShared();
        if (!platforms.insertNew(platform)) {
            throw new RegistryException(ErrorCode.PLATFORM_CODE_TAKEN, "The catalogue already has a platform with the"
                    + " code '" + code + "' (added meanwhile, e.g. by an import); nothing was saved. Propose changes"
                    + " to that entry instead.", List.of(RegistryException.FieldError.of("code",
                    "'" + code + "' is already taken.")));
        }
        history.append(code, 0, OffsetDateTime.now(clock), provenance, PlatformField.changes(null, platform));
        reindexAfterCommit(code);
        return platform;
    }

    /**
     * Changes fields of an entry if it is still at {@code expectedVersion}.
     * Fields given with the value they already have are not recorded. A
     * revision is written even when no field changes, so that confirmations
     * (a re-evaluation that keeps the platform) appear in its history. A new
     * owner or status is in force from the provenance's effective day (today
     * when it states none), which must keep the platform's history in order
     * ({@link #checkEffective}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Platform amend(String code, int expectedVersion, Map<PlatformField, String> changes,
            Provenance provenance) {
        Platform current = catalog.get(code);
        if (current.version() != expectedVersion) {
            throw concurrentChange(current, expectedVersion);
        }
        Platform changed = PlatformField.apply(current, changes, this::agencyExists);
        LocalDate effective = provenance.effectiveOn() == null ? agencies.today() : provenance.effectiveOn();
        checkEffective(current, changed, effective);
        List<FieldChange<PlatformField>> fields = PlatformField.changes(current, changed);
        if (!platforms.updateIfVersion(changed, expectedVersion)) {
            throw concurrentChange(catalog.get(code), expectedVersion);
        }
        // the owner and the status are kept as history: as of an earlier day, the ones in force then
        List<PlatformRepository.EarlierValue> earlier = new ArrayList<>();
        if (!changed.ownerCode().equals(current.ownerCode())) {
            earlier.add(new PlatformRepository.EarlierValue(code, PlatformField.OWNER, current.ownerCode(), effective));
        }
        if (changed.status() != current.status()) {
            earlier.add(new PlatformRepository.EarlierValue(code, PlatformField.STATUS, current.status().name(),
                    effective));
        }
        platforms.recordEarlier(earlier);
        history.append(code, expectedVersion + 1, OffsetDateTime.now(clock), provenance, fields);
        reindexAfterCommit(code);
        return catalog.get(code);
    }

    /** Refuses with {@link ErrorCode#CONCURRENT_CHANGE} when the entry is no longer at {@code expectedVersion}. */
    public Platform requireVersion(String code, int expectedVersion) {
        Platform current = catalog.get(code);
        if (current.version() != expectedVersion) {
            throw concurrentChange(current, expectedVersion);
        }
        return current;
    }

    /** Every revision of the platform, oldest first. */
    public List<PlatformRevision> history(String code) {
        catalog.get(code);
        return history.of(code, null);
    }

    /** Revisions that made versions after {@code version}, oldest first. */
    public List<PlatformRevision> changesSince(String code, int version) {
        return history.of(code, version);
    }

    /** The latest revision that recognised, re-confirmed or reinstated the platform, if any. */
    public Optional<PlatformRevision> lastRecognition(String code) {
        List<PlatformRevision> all = history(code);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).cause().confirmsRecognition()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Each field changed since the last recognition (or, for an entry never
     * recognised here, since it was loaded from reference data or listed by an
     * import): the value then and the value now.
     */
    public List<FieldChange<PlatformField>> changedSinceRecognition(String code) {
        List<PlatformRevision> all = history(code);
        // never recognised here: the revision that listed it (version 0, by an import) is where it started, not a change
        int from = !all.isEmpty() && all.getFirst().version() == 0 ? 1 : 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).cause().confirmsRecognition()) {
                from = i + 1;
                break;
            }
        }
        Map<PlatformField, FieldChange<PlatformField>> net = new LinkedHashMap<>();
        for (PlatformRevision revision : all.subList(from, all.size())) {
            for (FieldChange<PlatformField> change : revision.fields()) {
                FieldChange<PlatformField> first = net.get(change.field());
                net.put(change.field(), new FieldChange<>(change.field(),
                        first == null ? change.before() : first.before(), change.after()));
            }
        }
        return net.values().stream().filter(c -> !java.util.Objects.equals(c.before(), c.after())).toList();
    }

    private RegistryException concurrentChange(Platform current, int expectedVersion) {
        ConcurrentChange since = ConcurrentChange.of("Platform " + current.code(), expectedVersion, current.version());
        for (PlatformRevision revision : history.of(current.code(), expectedVersion)) {
            since.changed(revision.fields(), PlatformField::wireName, revision.actor(), revision.occurredAt());
        }
        return since.refusal();
    }

    /**
     * Refuses a change of {@code current} into {@code changed} that would take effect on {@code effectiveOn} (null:
     * today) when that day would put the platform's history out of order: after today
     * ({@link ErrorCode#EFFECTIVE_DATE_IN_FUTURE}); before it was listed, or before the latest recorded change of the
     * owner or status it changes ({@link ErrorCode#EFFECTIVE_DATE_OUT_OF_ORDER}); a new owner not formed yet
     * ({@link ErrorCode#AGENCY_NOT_FORMED}) or ended ({@link ErrorCode#AGENCY_MERGED}, naming who holds its
     * platforms) on that day. Each refusal names its field ({@value #EFFECTIVE_ON} or the owner) and the dates it
     * compares.
     */
    public void checkEffective(Platform current, Platform changed, LocalDate effectiveOn) {
        LocalDate today = agencies.today();
        EffectiveDateRules.check(current, changed, effectiveOn == null ? today : effectiveOn, today, agencies);
    }

    /**
     * Why {@code ownerCode} cannot own a platform from {@code effective} on (it has ended by then), worded as
     * {@link #checkEffective} words it, if it cannot.
     */
    public Optional<String> endedOwner(String ownerCode, LocalDate effective) {
        return EffectiveDateRules.ended(ownerCode, effective, agencies);
    }

    private boolean agencyExists(String code) {
        return agencies.find(code).isPresent();
    }

    private void reindexAfterCommit(String code) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    catalog.reindex(List.of(catalog.get(code)));
                }
            });
        } else {
            catalog.reindex(List.of(catalog.get(code)));
        }
    }

}
