package vn.ndp.registry.agencies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.ndp.registry.agencies.internal.AgencyReferenceData;
import vn.ndp.registry.agencies.internal.AgencyRepository;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FoldedSearch;
import vn.ndp.registry.shared.RegistryException;

/**
 * The agencies directory. Holds an in-memory {@link AgencyGraph} of the
 * database, refreshed whenever agencies or successions change.
 */
@Service
public class Agencies {

    private final AgencyRepository repository;
    private final Clock clock;
    private volatile AgencyGraph graph;

    Agencies(AgencyRepository repository, AgencyReferenceData referenceData, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        referenceData.load();
        refresh();
    }

    public final void refresh() {
        graph = new AgencyGraph(repository.findAll(), repository.findAllSuccessions());
    }

    public AgencyGraph graph() {
        return graph;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<Agency> find(String code) {
        return graph.find(code);
    }

    /**
     * How pages name the agency with {@code code}: its name in the reader's language, else the code itself when the
     * directory has no such agency; null for no code.
     */
    public String name(String code, Locale locale) {
        return code == null ? null : find(code).map(a -> a.name(locale)).orElse(code);
    }

    /**
     * The language of {@link #name(String, Locale)} where it is not the page's: "vi" on an English page for an agency
     * with no English name, whose Vietnamese name is shown (for screen readers); else null.
     */
    public String nameLang(String code, Locale locale) {
        return code == null ? null : find(code).map(a -> a.lang(locale)).orElse(null);
    }

    public Agency get(String code) {
        return find(code).orElseThrow(() -> RegistryException.notFound(ErrorCode.AGENCY_NOT_FOUND, "agency", code));
    }

    /** Agencies that exist on {@code asOf} (today when null), optionally of one kind and matching a text. */
    public List<Agency> list(AgencyKind kind, LocalDate asOf, String query) {
        LocalDate date = asOf == null ? today() : asOf;
        String folded = query == null || query.isBlank() ? null : FoldedSearch.fold(query);
        return graph.all().stream()
                .filter(a -> a.existsOn(date))
                .filter(a -> kind == null || a.kind() == kind)
                .filter(a -> folded == null || matches(a, folded))
                .sorted(Comparator.comparing(Agency::kind).thenComparing(FoldedSearch.byFolded(Agency::nameVi)))
                .toList();
    }

    /** Who held, on {@code date}, what {@code code} held (follows main successions). */
    public Agency successorOn(String code, LocalDate date) {
        return get(graph.resolve(code, date == null ? today() : date));
    }

    /** The owners over time of something first owned by {@code code}. */
    public List<Tenure> tenures(String code) {
        return graph.tenures(code);
    }

    /** Original owners whose platforms belong to {@code code} on {@code date}. */
    public Set<String> resolvingTo(String code, LocalDate date) {
        return graph.resolvingTo(code, date == null ? today() : date);
    }

    /**
     * Where the agency with {@code code} stood on {@code date} (today when null): existing, not formed yet (with the
     * agencies it was formed from that existed then), or ended (with the agency it went into and who held its place
     * on the date).
     */
    public Existence existenceOn(String code, LocalDate date) {
        Agency agency = get(code);
        LocalDate on = date == null ? today() : date;
        if (agency.validFrom() != null && on.isBefore(agency.validFrom())) {
            Set<Agency> formedFrom = new LinkedHashSet<>();
            collectExistingPredecessors(code, on, formedFrom, new HashSet<>());
            return new Existence.NotYetFormed(agency, on, agency.validFrom(), List.copyOf(formedFrom));
        }
        if (agency.validTo() != null && on.isAfter(agency.validTo())) {
            Succession main = graph.successorsOf(code).stream().filter(Succession::main).findFirst().orElse(null);
            return new Existence.Ended(agency, on, main, main == null ? null : successorOn(code, on));
        }
        return new Existence.Existing(agency, on);
    }

    /** The predecessors of {@code code} that exist on {@code date}, looking through those not formed yet either. */
    private void collectExistingPredecessors(String code, LocalDate date, Set<Agency> into, Set<String> seen) {
        for (Succession s : graph.predecessorsOf(code)) {
            Optional<Agency> predecessor = find(s.predecessorCode());
            if (predecessor.isEmpty() || !seen.add(s.predecessorCode())) {
                continue;
            }
            if (predecessor.get().existsOn(date)) {
                into.add(predecessor.get());
            } else if (predecessor.get().validFrom() != null && date.isBefore(predecessor.get().validFrom())) {
                collectExistingPredecessors(s.predecessorCode(), date, into, seen);
            }
        }
    }

    public List<Succession> predecessorsOf(String code) {
        return graph.predecessorsOf(code);
    }

    public List<Succession> successorsOf(String code) {
        return graph.successorsOf(code);
    }

    private static boolean matches(Agency a, String folded) {
        return FoldedSearch.fold(a.nameVi()).contains(folded)
                || (a.nameEn() != null && FoldedSearch.fold(a.nameEn()).contains(folded))
                || FoldedSearch.fold(a.code()).contains(folded)
                || (a.shortName() != null && FoldedSearch.fold(a.shortName()).contains(folded))
                || (a.officialCode() != null && a.officialCode().toLowerCase(Locale.ROOT).contains(folded));
    }
}
