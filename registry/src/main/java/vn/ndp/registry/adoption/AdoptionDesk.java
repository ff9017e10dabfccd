package vn.ndp.registry.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.Scopes;
import vn.ndp.registry.adoption.internal.PlanRepository;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.Existence;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FoldedSearch;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException;

/**
 * Where provinces declare, per year, the national platforms they deploy and
 * who answers for each. A province editor declares only for the province it
 * acts for today (an editor of a merged province acts for its successor); the
 * national authority's administrator may also record history (e.g. the 2022
 * reports of provinces that no longer exist). Every declaration states the
 * version it replaces; a concurrent change is refused and named.
 */
@Service
public class AdoptionDesk {

    static final int MAX_TEXT = 2000;
    static final int MAX_SHORT = 300;
    static final int MAX_PLATFORMS = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ().-]{6,20}$");

    private final PlanRepository plans;
    private final Agencies agencies;
    private final Catalog catalog;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdoptionDesk(PlanRepository plans, Agencies agencies, Catalog catalog, Scopes scopes, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.agencies = agencies;
        this.catalog = catalog;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A plan as one province holds it on a date: its own, or a predecessor's rolled up to it. */
    public record HeldPlan(AdoptionPlan plan, Agency declaredBy, boolean inherited) {

        /** The last day the declaring province existed, for "from Hà Giang (until 30/06/2025)". */
        public LocalDate until() {
            return declaredBy.validTo();
        }
    }

    /** Whether an agency with this code exists and is a province (or centrally-run city). */
    public boolean isProvince(String code) {
        return agencies.find(code).filter(a -> a.kind().isProvincial()).isPresent();
    }

    /** The province (or centrally-run city) with this code; 404 for any other agency. */
    public Agency province(String code) {
        Agency agency = agencies.get(code);
        if (!agency.kind().isProvincial()) {
            throw new RegistryException(ErrorCode.AGENCY_NOT_FOUND, "'" + code + "' is not a province or"
                    + " centrally-run city.");
        }
        return agency;
    }

    /** The provinces that exist on a date: 63 before 1 July 2025, 34 from then. */
    public List<Agency> provincesOn(LocalDate date) {
        return agencies.list(null, date, null).stream().filter(a -> a.kind().isProvincial())
                .sorted(FoldedSearch.<Agency>byFolded(a -> a.shortName() == null ? a.nameVi() : a.shortName()))
                .toList();
    }

    public Optional<AdoptionPlan> plan(String provinceCode, int year) {
        return plans.find(provinceCode, year);
    }

    /**
     * Every plan the province holds on {@code asOf}: its own and those of the
     * provinces merged into it by then, newest year first, its own first. A
     * province not formed yet on that date holds none: its plans are of later
     * years, and the provinces it was formed from still held theirs. A plan
     * declared after the date is left out ({@link AdoptionPlan#declaredBy}).
     */
    public List<HeldPlan> history(String provinceCode, LocalDate asOf) {
        Agency province = province(provinceCode);
        LocalDate date = asOf == null ? agencies.today() : asOf;
        List<HeldPlan> held = new ArrayList<>();
        if (agencies.existenceOn(provinceCode, date) instanceof Existence.NotYetFormed) {
            return held;
        }
        for (AdoptionPlan plan : plans.ofProvinces(codesHeldBy(province.code(), date))) {
            if (!plan.declaredBy(date)) {
                continue;
            }
            Agency by = agencies.get(plan.provinceCode());
            held.add(new HeldPlan(plan, by, !by.code().equals(province.code())));
        }
        held.sort(Comparator.comparing((HeldPlan h) -> -h.plan().year()).thenComparing(HeldPlan::inherited)
                .thenComparing(FoldedSearch.byFolded(h -> h.declaredBy().nameVi())));
        return held;
    }

    /**
     * The province's code and those of the provinces merged into it by {@code date}: whose plans, local
     * platforms, proposals and requests it holds. A former province holds its own only.
     */
    public Set<String> codesHeldBy(String provinceCode, LocalDate date) {
        Set<String> codes = new HashSet<>(agencies.resolvingTo(provinceCode, date));
        codes.add(provinceCode);
        return codes;
    }

    /**
     * The province to declare for in place of {@code province} when it has become part of another by today: the one
     * it is part of now. Empty while it exists, and for the administrator, who may record a former province's
     * history. A declaration for such a province is refused ({@link ErrorCode#PROVINCE_MERGED}).
     */
    public Optional<Agency> mergedInto(CurrentUser user, Agency province) {
        LocalDate today = agencies.today();
        if (user.role() == Role.ADMIN || province.existsOn(today)) {
            return Optional.empty();
        }
        return Optional.of(agencies.successorOn(province.code(), today));
    }

    /** The years a plan of the province may be for: those it exists in, up to five years ahead of today. */
    public Years planYears(Agency province) {
        return new Years(province.validFrom() == null ? 2000 : province.validFrom().getYear(),
                province.validTo() == null ? agencies.today().getYear() + 5 : province.validTo().getYear());
    }

    /** A range of years, both ends included. */
    public record Years(int from, int to) {

        public boolean contains(int year) {
            return year >= from && year <= to;
        }
    }

    /** Declares (or replaces) the province's plan for a year; {@code expectedVersion} null for a new one. */
    @Transactional
    public AdoptionPlan declare(CurrentUser user, String provinceCode, PlanDeclaration declaration,
            Integer expectedVersion) {
        return declare(user, provinceCode, declaration, expectedVersion, List.of());
    }

    /**
     * As {@link #declare(CurrentUser, String, PlanDeclaration, Integer)}, reporting {@code parseErrors} (values
     * the caller could not read, e.g. an unknown status) in the same problem as every other invalid field.
     */
    @Transactional
    public AdoptionPlan declare(CurrentUser user, String provinceCode, PlanDeclaration declaration,
            Integer expectedVersion, List<RegistryException.FieldError> parseErrors) {
        Agency province = province(provinceCode);
        authorise(user, province);
        PlanDeclaration clean = checked(province, declaration, parseErrors);
        OffsetDateTime now = Moments.now(clock);
        Optional<AdoptionPlan> existing = plans.find(province.code(), clean.year());
        AdoptionPlan plan;
        if (existing.isEmpty()) {
            plan = new AdoptionPlan(UUID.randomUUID(), province.code(), clean.year(), clean.documentKind(),
                    clean.documentNumber(), clean.documentDate(), clean.documentTitle(), clean.target(),
                    clean.progress(), clean.platforms(), false, user.username(), now, 0);
            try {
                plans.insert(plan, user.username());
            } catch (DuplicateKeyException e) {
                throw concurrent(province, clean, plans.find(province.code(), clean.year()).orElse(null), null);
            }
        } else {
            AdoptionPlan current = existing.get();
            if (expectedVersion == null || current.version() != expectedVersion) {
                throw concurrent(province, clean, current, expectedVersion);
            }
            plan = new AdoptionPlan(current.id(), province.code(), clean.year(), clean.documentKind(),
                    clean.documentNumber(), clean.documentDate(), clean.documentTitle(), clean.target(),
                    clean.progress(), clean.platforms(), current.sample(), user.username(), now,
                    current.version() + 1);
            if (!plans.updateIfVersion(plan, expectedVersion)) {
                throw concurrent(province, clean, plans.find(province.code(), clean.year()).orElse(null),
                        expectedVersion);
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("year", clean.year());
        detail.put("document_kind", clean.documentKind().name());
        detail.put("document_number", clean.documentNumber());
        detail.put("platforms", clean.platforms().stream()
                .map(p -> p.platformCode() + "=" + InvalidParameters.Wire.name(p.status())).toList());
        audit.record(AuditEvent.ADOPTION_DECLARED, user.username(), "province:" + province.code(), detail);
        events.publishEvent(new AdoptionEvent.AdoptionDeclared(province.code(), clean.year(), user.username()));
        return plans.find(province.code(), clean.year()).orElseThrow();
    }

    /** Whether the user may declare for the province (used by pages to show or hide forms). */
    public boolean mayDeclare(CurrentUser user, Agency province) {
        try {
            authorise(user, province);
            return true;
        } catch (RegistryException refused) {
            return false;
        }
    }

    /** Whether {@link #authoriseKeeping} lets the user through. */
    boolean mayKeep(CurrentUser user, Agency province) {
        try {
            authoriseKeeping(user, province);
            return true;
        } catch (RegistryException refused) {
            return false;
        }
    }

    /** Refuses unless the user may change the province's adoption data (see {@link #declare}). */
    void authoriseEditing(CurrentUser user, Agency province) {
        authorise(user, province);
    }

    /**
     * Refuses unless the user may change or remove what the province already registered: its own editors, and after a
     * merger the editors of the province it became part of, who now run its systems (nothing new is registered under a
     * province that no longer exists: {@link #authoriseEditing}).
     */
    void authoriseKeeping(CurrentUser user, Agency province) {
        authoriseScope(user, province);
    }

    private void authorise(CurrentUser user, Agency province) {
        authoriseScope(user, province);
        Optional<Agency> successor = mergedInto(user, province);
        if (successor.isPresent()) {
            throw new RegistryException(ErrorCode.PROVINCE_MERGED, province.nameVi() + " became part of "
                    + successor.get().nameVi() + " (" + successor.get().code() + "); its declarations are kept as"
                    + " history. Declare for " + successor.get().code() + ".");
        }
    }

    /** Administrators, and the editors of the province or of the province it is part of today. */
    private void authoriseScope(CurrentUser user, Agency province) {
        if (user.role() == Role.ADMIN) {
            return;
        }
        if (user.role() != Role.PROVINCE_EDITOR) {
            throw new RegistryException(ErrorCode.FORBIDDEN, "Only province editors (and the national authority's"
                    + " administrator) declare adoption plans.");
        }
        if (!scopes.actsFor(user, province.code())) {
            throw new RegistryException(ErrorCode.OUT_OF_SCOPE, province.nameVi() + " (" + province.code()
                    + ") is another province; you can declare only for your own.");
        }
    }

    private PlanDeclaration checked(Agency province, PlanDeclaration d,
            List<RegistryException.FieldError> parseErrors) {
        InvalidParameters invalid = new InvalidParameters();
        Set<String> unreadable = new HashSet<>();
        parseErrors.forEach(e -> {
            invalid.reject(e.field(), e.message());
            unreadable.add(e.field());
        });
        if (d == null) {
            invalid.reject("year", "is required.");
            invalid.throwIfAny();
        }
        Years years = planYears(province);
        if (d.year() == 0) {
            invalid.reject("year", "is required.");
        } else if (!years.contains(d.year())) {
            invalid.reject("year", "must be between " + years.from() + " and " + years.to() + " for "
                    + province.nameVi() + ", was " + d.year() + ".");
        }
        if (d.documentKind() == null && !unreadable.contains("document_kind")) {
            invalid.reject("document_kind", "is required: plan, decision or none.");
        }
        String number = text(invalid, "document_number", d.documentNumber(), MAX_SHORT);
        String title = text(invalid, "document_title", d.documentTitle(), MAX_SHORT);
        if (d.documentKind() != null && d.documentKind() != DocumentKind.NONE) {
            if (number == null) {
                invalid.reject("document_number", "is required for a plan or a decision.");
            }
            if (d.documentDate() == null) {
                invalid.reject("document_date", "is required for a plan or a decision.");
            }
        }
        if (d.documentDate() != null && d.documentDate().isAfter(agencies.today())) {
            invalid.reject("document_date", "is in the future.");
        }
        if (d.platforms().size() > MAX_PLATFORMS) {
            invalid.reject("platforms", "at most " + MAX_PLATFORMS + " platforms per declaration.");
        }
        List<PlatformAdoption> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.platforms().size(); i++) {
            PlatformAdoption p = d.platforms().get(i);
            String field = "platforms[" + i + "]";
            if (p == null || p.platformCode() == null || p.platformCode().isBlank()) {
                invalid.reject(field + ".platform", "is required.");
                continue;
            }
            String code = p.platformCode().strip();
            if (catalog.find(code).isEmpty()) {
                invalid.reject(field + ".platform", "no national platform has the code '" + code + "'.");
                continue;
            }
            if (!seen.add(code)) {
                invalid.reject(field + ".platform", "'" + code + "' is listed twice.");
                continue;
            }
            if (p.status() == null && !unreadable.contains(field + ".status")) {
                invalid.reject(field + ".status", "is required: planned, deploying, in_use or stopped.");
            }
            Responsibility r = p.responsibility();
            String email = text(invalid, field + ".email", r.email(), MAX_SHORT);
            if (email != null && !EMAIL.matcher(email).matches()) {
                invalid.reject(field + ".email", "'" + email + "' is not an e-mail address.");
            }
            String phone = text(invalid, field + ".phone", r.phone(), MAX_SHORT);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                invalid.reject(field + ".phone", "'" + phone + "' is not a phone number.");
            }
            // "rõ người, rõ việc": a platform given a status names who answers for it
            String department = text(invalid, field + ".department", r.department(), MAX_SHORT);
            if (department == null && p.status() != null) {
                invalid.reject(field + ".department", "is required for " + code + ": the provincial department"
                        + " that answers for the platform.");
            }
            String person = text(invalid, field + ".person", r.person(), MAX_SHORT);
            if (person == null && p.status() != null) {
                invalid.reject(field + ".person", "is required for " + code + ": the person responsible for the"
                        + " platform.");
            }
            clean.add(new PlatformAdoption(code, p.status(), new Responsibility(department, person,
                    text(invalid, field + ".title", r.title(), MAX_SHORT), phone, email),
                    text(invalid, field + ".target", p.target(), MAX_TEXT),
                    text(invalid, field + ".progress", p.progress(), MAX_TEXT)));
        }
        String target = text(invalid, "target", d.target(), MAX_TEXT);
        String progress = text(invalid, "progress", d.progress(), MAX_TEXT);
        invalid.throwIfAny();
        return new PlanDeclaration(d.year(), d.documentKind(), number, d.documentDate(), title, target, progress,
                clean);
    }

    static String text(InvalidParameters invalid, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            invalid.reject(field, "is " + stripped.length() + " characters long; at most " + max + " are allowed.");
        }
        return stripped;
    }

    /** A refusal that names who changed the plan, when, and how it now differs from what was sent. */
    private static RegistryException concurrent(Agency province, PlanDeclaration sent, AdoptionPlan current,
            Integer expectedVersion) {
        if (current == null) {
            return new RegistryException(ErrorCode.CONCURRENT_CHANGE, "The " + sent.year() + " plan of "
                    + province.nameVi() + " was changed at the same time. Nothing was saved; reload it and try again.");
        }
        List<String> differences = differences(sent, current);
        return new RegistryException(ErrorCode.CONCURRENT_CHANGE, "The " + sent.year() + " plan of "
                + province.nameVi() + " was changed after you read it (you had "
                + (expectedVersion == null ? "no plan" : "version " + expectedVersion) + ", it is at version "
                + current.version() + ", last saved by " + current.updatedBy() + " at " + current.updatedAt() + ")."
                + (differences.isEmpty() ? "" : " It now differs from yours in: " + String.join("; ", differences)
                        + ".")
                + " Nothing was saved; reload it and try again.",
                differences.stream().map(d -> RegistryException.FieldError.of("version", d)).toList());
    }

    private static List<String> differences(PlanDeclaration sent, AdoptionPlan current) {
        List<String> out = new ArrayList<>();
        if (sent.documentKind() != current.documentKind()) {
            out.add("document kind is " + InvalidParameters.Wire.name(current.documentKind()));
        }
        if (!Objects.equals(sent.documentNumber(), current.documentNumber())) {
            out.add("document number is " + current.documentNumber());
        }
        if (!Objects.equals(sent.documentDate(), current.documentDate())) {
            out.add("document date is " + current.documentDate());
        }
        Map<String, PlatformAdoption> mine = new LinkedHashMap<>();
        sent.platforms().forEach(p -> mine.put(p.platformCode(), p));
        for (PlatformAdoption theirs : current.platforms()) {
            PlatformAdoption own = mine.remove(theirs.platformCode());
            if (own == null) {
                out.add(theirs.platformCode() + " was added (" + InvalidParameters.Wire.name(theirs.status()) + ")");
            } else if (own.status() != theirs.status()) {
                out.add("status of " + theirs.platformCode() + " is " + InvalidParameters.Wire.name(theirs.status()));
            } else if (!own.responsibility().equals(theirs.responsibility())) {
                out.add("responsibility for " + theirs.platformCode() + " changed");
            }
        }
        mine.keySet().forEach(code -> out.add(code + " is not in it"));
        return out;
    }
}
