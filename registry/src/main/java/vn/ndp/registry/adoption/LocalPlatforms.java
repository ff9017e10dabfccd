package vn.ndp.registry.adoption;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
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
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.RegistryException;

/**
 * A province's own platforms. Saving one first runs the overlap check: a
 * local platform that duplicates or overlaps a national one is saved only when
 * the province confirms it with a reason (localities must not deploy
 * duplicates of the announced platforms), and the verdict is kept with it.
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

    /** The overlap check of a draft, and the national platforms it duplicates or overlaps. */
    public record Check(OverlapReport report, List<OverlapReport.Match> national, List<OverlapReport.Match> local) {

        public boolean needsConfirmation() {
            return !national.isEmpty();
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
        return compare(desk.province(provinceCode), checked(draft));
    }

    private Check compare(Agency province, LocalPlatform.Draft clean) {
        OverlapReport report = overlap.check(new PlatformDescription(clean.nameVi(), clean.description(),
                clean.functions(), null, province.code(), clean.category()));
        List<OverlapReport.Match> flagged = report.matches().stream().filter(m -> m.verdict().flagged()).toList();
        return new Check(report,
                flagged.stream().filter(m -> m.platform().kind() == CorpusEntry.Kind.NATIONAL).toList(),
                flagged.stream().filter(m -> m.platform().kind() == CorpusEntry.Kind.LOCAL).toList());
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
        Check check = compare(province, clean);
        String why = null;
        if (check.needsConfirmation()) {
            if (!saveAnyway) {
                throw new RegistryException(ErrorCode.OVERLAP_NOT_CONFIRMED, "'" + clean.nameVi() + "' "
                        + (check.verdict() == Verdict.DUPLICATE ? "duplicates" : "overlaps")
                        + " national platforms: " + String.join(", ", check.nationalCodes())
                        + ". Use them instead, or save anyway with a reason (saveAnyway, reason).",
                        check.national().stream().map(m -> RegistryException.FieldError.of("overlap",
                                m.platform().code() + " — " + m.platform().nameVi() + " ("
                                        + InvalidParameters.Wire.name(m.verdict()) + ", score "
                                        + String.format(java.util.Locale.ROOT, "%.2f", m.score()) + ")"))
                                .toList());
            }
            InvalidParameters invalid = new InvalidParameters();
            why = AdoptionDesk.text(invalid, "reason", reason, AdoptionDesk.MAX_TEXT);
            if (why == null) {
                invalid.reject("reason", "is required to save a platform that duplicates or overlaps a national one.");
            }
            invalid.throwIfAny();
        }
        Verdict verdict = check.verdict();
        LocalPlatform saved = new LocalPlatform(UUID.randomUUID(), province.code(), clean.nameVi(), clean.nameEn(),
                clean.description(), clean.functions(), clean.category(), clean.type(), clean.status(),
                clean.website(), clean.department(), verdict, check.nationalCodes(), why, false, user.username(),
                OffsetDateTime.now(clock), 0);
        repository.insert(saved);
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

    /** The province's local platforms and those of the provinces merged into it (as of today). */
    public List<LocalPlatform> of(String provinceCode) {
        Agency province = desk.province(provinceCode);
        return repository.ofProvinces(desk.codesHeldBy(province.code(), agencies.today()));
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
