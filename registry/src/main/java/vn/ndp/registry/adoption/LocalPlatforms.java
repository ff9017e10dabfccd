package vn.ndp.registry.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.adoption.internal.LocalPlatformRepository;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapDetector;
import vn.ndp.registry.overlap.OverlapReport;
import vn.ndp.registry.overlap.PlatformDescription;
import vn.ndp.registry.overlap.Verdict;
import vn.ndp.registry.shared.ConcurrentChange;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.VietnamTime;

/**
 * A province's own platforms. Saving one (registering or changing it) first
 * runs the overlap check: a local platform that duplicates or overlaps a
 * national one is saved only when the province confirms it with a reason
 * (localities must not deploy duplicates of the announced platforms), and the
 * verdict is kept with it. Changes and removals are version-checked and kept
 * in each platform's history; a removed platform stays as history, out of the
 * active list and the overlap corpus. Only the province's editors (and the
 * national authority's administrator) change them, as for declarations.
 */
@Service
public class LocalPlatforms {


    private final LocalPlatformRepository repository;
    private final AdoptionDesk desk;
    private final Agencies agencies;
    private final OverlapDetector overlap;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LocalPlatforms(LocalPlatformRepository repository, AdoptionDesk desk, Agencies agencies, OverlapDetector overlap,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.desk = desk;
        this.agencies = agencies;
        this.overlap = overlap;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The overlap check of a draft: the national platforms it duplicates or overlaps, and the similar local ones,
     * split into those of its own province it duplicates ({@code ownDuplicates}, when it is registered: the same
     * system entered twice) and the others ({@code otherProvinces}, shown for information), closest first.
     */
    public record Check(OverlapReport report, List<OverlapReport.Match> national, List<OverlapReport.Match> local,
            List<OverlapReport.Match> ownDuplicates, List<OverlapReport.Match> otherProvinces) {

        /**
         * Saving needs a reason when the platform duplicates or overlaps a national one, or, when it is registered,
         * duplicates one the same province has registered already (the same system entered twice; a change of a
         * platform registered with a reason is not asked for it again). Other provinces' similar platforms are shown
         * for information only: each province may run its own.
         */
        public boolean needsConfirmation() {
            return !national.isEmpty() || !ownDuplicates.isEmpty();
        }

        /** The verdict kept with the platform: that of the closest national match, else distinct. */
        public Verdict verdict() {
            return national.isEmpty() ? Verdict.DISTINCT : national.getFirst().verdict();
        }

        /** The codes of the national platforms it duplicates or overlaps, closest first. */
        public List<String> nationalCodes() {
            return national.stream().map(m -> m.platform().code()).toList();
        }
    }

    /** Validates the draft and compares it with the national catalogue and other local platforms. */
    public Check check(String provinceCode, LocalPlatform.Draft draft) {
        return compare(desk.province(provinceCode), checked(draft), null);
    }

    /** As {@link #check(String, LocalPlatform.Draft)} for a change of platform {@code id} (not compared with itself). */
    public Check check(String provinceCode, UUID id, LocalPlatform.Draft draft) {
        LocalPlatform current = get(provinceCode, id);
        return compare(desk.province(provinceCode), checked(draft), current.code());
    }

    private Check compare(Agency province, LocalPlatform.Draft clean, String itself) {
        OverlapReport report = overlap.check(new PlatformDescription(clean.nameVi(), clean.description(),
                clean.functions(), null, province.code(), clean.category()), itself);
        List<OverlapReport.Match> flagged = report.matches().stream().filter(m -> m.verdict().flagged()).toList();
        List<OverlapReport.Match> local = flagged.stream().filter(m -> m.platform().kind() == CorpusEntry.Kind.LOCAL)
                .toList();
        // the province's own registered platforms a new one duplicates (a change is not asked again)
        List<OverlapReport.Match> ownDuplicates = itself != null ? List.of() : local.stream()
                .filter(m -> m.verdict() == Verdict.DUPLICATE && province.code().equals(m.platform().ownerCode()))
                .toList();
        return new Check(report,
                flagged.stream().filter(m -> m.platform().kind() == CorpusEntry.Kind.NATIONAL).toList(), local,
                ownDuplicates, local.stream().filter(m -> !ownDuplicates.contains(m)).toList());
    }

    /**
     * Saves the local platform. When it duplicates or overlaps a national
     * platform, nothing is saved unless {@code saveAnyway} is set with a reason:
     * the refusal ({@link ErrorCode#OVERLAP_NOT_CONFIRMED}) names each platform.
     */
    @Transactional
    public LocalPlatform register(CurrentUser user, String provinceCode, LocalPlatform.Draft draft, boolean saveAnyway,
            String reason) {
        Agency province = desk.province(provinceCode);
        desk.authoriseEditing(user, province);
        LocalPlatform.Draft clean = checked(draft);
        refuseIfRegistered(province, clean, null);
        Check check = compare(province, clean, null);
        String why = confirmation(clean, check, saveAnyway, reason);
        Verdict verdict = check.verdict();
        OffsetDateTime now = Moments.now(clock);
        LocalPlatform saved = new LocalPlatform(UUID.randomUUID(), province.code(), clean.nameVi(), clean.nameEn(),
                clean.description(), clean.functions(), clean.category(), clean.type(), clean.status(),
                clean.website(), clean.department(), verdict, check.nationalCodes(), why, false, user.username(),
                now, user.username(), now, null, 0);
        repository.insert(saved);
        repository.appendRevision(saved.id(), 0, now, user.username(), LocalPlatformRevision.Cause.REGISTERED, why,
                LocalPlatformRevision.changes(null, saved));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("local_platform", saved.id().toString());
        detail.put("name", saved.nameVi());
        detail.put("overlap_verdict", verdict.name());
        detail.put("overlap_matches", saved.overlapMatches());
        if (why != null) {
            detail.put("reason", why);
        }
        audit.record(AuditEvent.LOCAL_PLATFORM_REGISTERED, user.username(), "province:" + province.code(), detail);
        events.publishEvent(new AdoptionEvent.LocalPlatformRegistered(saved.id(), province.code(), saved.nameVi(),
                why != null, user.username()));
        return saved;
    }

    /**
     * Changes a local platform of the province, if it is still at
     * {@code expectedVersion} (else {@link ErrorCode#CONCURRENT_CHANGE} naming
     * each change since, who made it and when). The overlap check runs again
     * exactly as when registering, and its verdict replaces the one kept. A
     * change that alters no field saves nothing.
     */
    @Transactional
    public LocalPlatform change(CurrentUser user, String provinceCode, UUID id, LocalPlatform.Draft draft,
            Integer expectedVersion, boolean saveAnyway, String reason) {
        Agency province = desk.province(provinceCode);
        desk.authoriseKeeping(user, province);
        LocalPlatform current = get(provinceCode, id);
        refuseIfRemoved(current);
        InvalidParameters invalid = new InvalidParameters();
        if (expectedVersion == null) {
            invalid.reject("version", "is required: send the version you read (it is " + current.version() + ").");
        }
        invalid.throwIfAny();
        LocalPlatform.Draft clean = checked(draft);
        if (current.version() != expectedVersion) {
            throw concurrentChange(current, expectedVersion);
        }
        refuseIfRegistered(province, clean, current.id());
        Check check = compare(province, clean, current.code());
        String why = confirmation(clean, check, saveAnyway, reason);
        OffsetDateTime now = Moments.now(clock);
        LocalPlatform changed = new LocalPlatform(current.id(), current.provinceCode(), clean.nameVi(), clean.nameEn(),
                clean.description(), clean.functions(), clean.category(), clean.type(), clean.status(),
                clean.website(), clean.department(), check.verdict(), check.nationalCodes(), why, current.sample(),
                current.createdBy(), current.createdAt(), user.username(), now, null, current.version() + 1);
        List<FieldChange<String>> fields = LocalPlatformRevision.changes(current, changed);
        if (fields.isEmpty()) {
            return current;
        }
        if (!repository.updateIfVersion(changed, expectedVersion)) {
            throw concurrentChange(repository.find(id).orElseThrow(), expectedVersion);
        }
        repository.appendRevision(id, changed.version(), now, user.username(), LocalPlatformRevision.Cause.CHANGED,
                why, fields);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("local_platform", id.toString());
        detail.put("name", changed.nameVi());
        detail.put("version", changed.version());
        detail.put("fields", fields.stream().map(FieldChange::field).toList());
        detail.put("overlap_verdict", changed.overlapVerdict().name());
        detail.put("overlap_matches", changed.overlapMatches());
        if (why != null) {
            detail.put("reason", why);
        }
        audit.record(AuditEvent.LOCAL_PLATFORM_CHANGED, user.username(), "province:" + province.code(), detail);
        events.publishEvent(new AdoptionEvent.LocalPlatformChanged(id, province.code(), changed.nameVi(),
                changed.version(), user.username()));
        return repository.find(id).orElseThrow();
    }

    /**
     * Takes a local platform out of the province's register, with a reason: it
     * is kept with its history, shown as removed, and no longer listed or
     * compared with by the overlap check. Refused if it changed since
     * {@code expectedVersion} or was removed already.
     */
    @Transactional
    public LocalPlatform remove(CurrentUser user, String provinceCode, UUID id, Integer expectedVersion,
            String reason) {
        Agency province = desk.province(provinceCode);
        desk.authoriseKeeping(user, province);
        LocalPlatform current = get(provinceCode, id);
        refuseIfRemoved(current);
        InvalidParameters invalid = new InvalidParameters();
        String why = AdoptionDesk.text(invalid, "reason", reason, AdoptionDesk.MAX_TEXT);
        if (why == null) {
            invalid.reject("reason", "is required: say why the province no longer runs or lists this platform.");
        }
        if (expectedVersion == null) {
            invalid.reject("version", "is required: send the version you read (it is " + current.version() + ").");
        }
        invalid.throwIfAny();
        if (current.version() != expectedVersion) {
            throw concurrentChange(current, expectedVersion);
        }
        LocalPlatform.Removal removal = new LocalPlatform.Removal(Moments.now(clock), user.username(), why);
        if (!repository.removeIfVersion(id, expectedVersion, removal)) {
            throw concurrentChange(repository.find(id).orElseThrow(), expectedVersion);
        }
        repository.appendRevision(id, expectedVersion + 1, removal.at(), user.username(),
                LocalPlatformRevision.Cause.REMOVED, why, List.of());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("local_platform", id.toString());
        detail.put("name", current.nameVi());
        detail.put("version", expectedVersion + 1);
        detail.put("reason", why);
        audit.record(AuditEvent.LOCAL_PLATFORM_REMOVED, user.username(), "province:" + province.code(), detail);
        events.publishEvent(new AdoptionEvent.LocalPlatformRemoved(id, province.code(), current.nameVi(), why,
                user.username()));
        return repository.find(id).orElseThrow();
    }

    /** The province's local platforms and those of the provinces merged into it (as of today), removed ones left out. */
    public List<LocalPlatform> of(String provinceCode) {
        Agency province = desk.province(provinceCode);
        return repository.ofProvinces(desk.codesHeldBy(province.code(), agencies.today()), false);
    }

    /** As {@link #of(String)}, the platforms removed from the register (kept with their history). */
    public List<LocalPlatform> removedOf(String provinceCode) {
        Agency province = desk.province(provinceCode);
        return repository.ofProvinces(desk.codesHeldBy(province.code(), agencies.today()), true);
    }

    /**
     * The province's local platforms on {@code date}: those registered by then (by it or by the provinces merged into
     * it by then) and not removed by then.
     */
    public List<LocalPlatform> of(String provinceCode, LocalDate date) {
        return registerOn(provinceCode, date).listed();
    }

    /**
     * A province's register on a date, read at once: {@code listed}, its local platforms then
     * ({@link #of(String, LocalDate)}); {@code removed}, those registered and removed by then. Each in the order
     * they were registered.
     */
    public record Register(List<LocalPlatform> listed, List<LocalPlatform> removed) {
    }

    /** The province's register on {@code date}: its local platforms then and those removed by then, in one query. */
    public Register registerOn(String provinceCode, LocalDate date) {
        Agency province = desk.province(provinceCode);
        List<LocalPlatform> listed = new ArrayList<>();
        List<LocalPlatform> removed = new ArrayList<>();
        for (LocalPlatform p : repository.everyOfProvinces(desk.codesHeldBy(province.code(), date))) {
            if (!day(p.createdAt()).isAfter(date)) {
                (removedBy(p, date) ? removed : listed).add(p);
            }
        }
        return new Register(List.copyOf(listed), List.copyOf(removed));
    }

    private static boolean removedBy(LocalPlatform p, LocalDate date) {
        return p.removed() && !day(p.removal().at()).isAfter(date);
    }

    private static LocalDate day(OffsetDateTime moment) {
        return moment.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
    }

    /**
     * The local platform {@code id} registered by the province, removed or not.
     * One of another province is not found here, even one merged into it: its
     * address names the province that registered it.
     */
    public LocalPlatform get(String provinceCode, UUID id) {
        Agency province = desk.province(provinceCode);
        return repository.find(id).filter(p -> p.provinceCode().equals(province.code()))
                .orElseThrow(() -> new RegistryException(ErrorCode.NOT_FOUND, province.nameVi() + " ("
                        + province.code() + ") has no local platform " + id + "."));
    }

    /** Every revision of the platform, oldest first. */
    public List<LocalPlatformRevision> history(String provinceCode, UUID id) {
        return repository.history(get(provinceCode, id).id(), null);
    }

    /**
     * Whether the user may change or remove the province's local platforms (pages show or hide the actions): its
     * editors, and after a merger those of the province it became part of.
     */
    public boolean mayChange(CurrentUser user, String provinceCode) {
        return desk.mayKeep(user, desk.province(provinceCode));
    }

    /**
     * Refuses a platform named as one the province has in its register already (spaces and letter case aside), other
     * than {@code itself}: the same system entered twice, such as a confirmation form sent twice. Saving anyway is
     * for overlaps with national platforms and similar systems, never for this. Registrations of one province are
     * taken one at a time, so that two sent together cannot both pass.
     */
    private void refuseIfRegistered(Agency province, LocalPlatform.Draft clean, UUID itself) {
        repository.lockProvince(province.code());
        String name = sameName(clean.nameVi());
        repository.ofProvinces(List.of(province.code()), false).stream()
                .filter(p -> !p.id().equals(itself) && sameName(p.nameVi()).equals(name))
                .findFirst()
                .ifPresent(p -> {
                    String message = "'" + p.nameVi() + "' is already in the province's register (" + p.code()
                            + "); change that entry instead of registering it again.";
                    throw new RegistryException(ErrorCode.INVALID_PARAMETER, "nameVi: " + message,
                            List.of(RegistryException.FieldError.of("nameVi", message,
                                    RegistryException.Said.of("adoption.error.field.nameVi.registered", p.nameVi()))));
                });
    }

    private static String sameName(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The reason kept when the check needs confirmation; refuses without {@code saveAnyway} and a reason. */
    private static String confirmation(LocalPlatform.Draft clean, Check check, boolean saveAnyway, String reason) {
        if (!check.needsConfirmation()) {
            return null;
        }
        if (!saveAnyway) {
            String national = check.national().isEmpty() ? "" : (check.verdict() == Verdict.DUPLICATE ? "duplicates"
                    : "overlaps") + " national platforms: " + String.join(", ", check.nationalCodes());
            String own = check.ownDuplicates().isEmpty() ? "" : "duplicates the province's own "
                    + String.join(", ", check.ownDuplicates().stream().map(m -> "'" + m.platform().nameVi() + "'")
                            .toList());
            throw new RegistryException(ErrorCode.OVERLAP_NOT_CONFIRMED, "'" + clean.nameVi() + "' " + national
                    + (national.isEmpty() || own.isEmpty() ? "" : "; it also ") + own
                    + ". Use them instead, or save anyway with a reason (saveAnyway, reason).",
                    java.util.stream.Stream.concat(check.national().stream(), check.ownDuplicates().stream())
                            .map(m -> RegistryException.FieldError.of("overlap",
                                    m.platform().code() + " — " + m.platform().nameVi() + " ("
                                            + InvalidParameters.Wire.name(m.verdict()) + ", score "
                                            + String.format(Locale.ROOT, "%.2f", m.score()) + ")"))
                            .toList());
        }
        InvalidParameters invalid = new InvalidParameters();
        String why = AdoptionDesk.text(invalid, "reason", reason, AdoptionDesk.MAX_TEXT);
        if (why == null) {
            invalid.reject("reason", "is required to save a platform that duplicates or overlaps a national one, or"
                    + " one the province has registered already.");
        }
        invalid.throwIfAny();
        return why;
    }

    private static void refuseIfRemoved(LocalPlatform p) {
        if (p.removed()) {
            throw new RegistryException(ErrorCode.ILLEGAL_TRANSITION, "'" + p.nameVi() + "' was removed from the"
                    + " register on " + VietnamTime.moment(p.removal().at()) + " by " + p.removal().by() + " ("
                    + p.removal().reason() + "); a removed platform is kept as history and cannot be changed."
                    + " Register it again if the province runs it again.");
        }
    }

    /**
     * A refusal naming each change made since {@code expectedVersion}: the field, before and after, who, when (or the
     * invalid version when it is ahead of the platform's).
     */
    private RegistryException concurrentChange(LocalPlatform current, int expectedVersion) {
        ConcurrentChange since = ConcurrentChange.of("Local platform '" + current.nameVi() + "'", expectedVersion,
                current.version());
        for (LocalPlatformRevision revision : repository.history(current.id(), expectedVersion)) {
            if (revision.cause() == LocalPlatformRevision.Cause.REMOVED) {
                since.happened("removed", "removed from the register", revision.actor(), revision.occurredAt(),
                        revision.note());
            }
            since.changed(revision.fields(), field -> field, revision.actor(), revision.occurredAt());
        }
        return since.refusal();
    }

    private static LocalPlatform.Draft checked(LocalPlatform.Draft d) {
        InvalidParameters invalid = new InvalidParameters();
        if (d == null) {
            invalid.reject("nameVi", "is required.");
            invalid.throwIfAny();
        }
        String name = AdoptionDesk.text(invalid, "nameVi", d.nameVi(), AdoptionDesk.MAX_SHORT);
        if (name == null) {
            invalid.reject("nameVi", "is required.");
        }
        String description = AdoptionDesk.text(invalid, "description", d.description(), 5000);
        if (d.functions().size() > 50) {
            invalid.reject("functions", "at most 50 functions.");
        }
        d.functions().forEach(f -> AdoptionDesk.text(invalid, "functions", f, AdoptionDesk.MAX_SHORT));
        String website = AdoptionDesk.text(invalid, "website", d.website(), AdoptionDesk.MAX_SHORT);
        if (website != null && !website.matches("^https?://\\S+$")) {
            invalid.reject("website", "'" + website + "' is not an http(s) address.");
        }
        LocalPlatform.Draft clean = new LocalPlatform.Draft(name,
                AdoptionDesk.text(invalid, "nameEn", d.nameEn(), AdoptionDesk.MAX_SHORT), description, d.functions(),
                d.category(), d.type(), d.status(), website,
                AdoptionDesk.text(invalid, "department", d.department(), AdoptionDesk.MAX_SHORT));
        invalid.throwIfAny();
        return clean;
    }
}
