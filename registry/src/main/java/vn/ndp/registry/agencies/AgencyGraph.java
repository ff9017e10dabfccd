package vn.ndp.registry.agencies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of all agencies and successions, small enough to keep
 * in memory, answering "who is this agency's successor on that date".
 */
public final class AgencyGraph {

    private final Map<String, Agency> agencies;
    private final Map<String, List<Succession>> byPredecessor = new HashMap<>();
    private final Map<String, List<Succession>> bySuccessor = new HashMap<>();

    public AgencyGraph(Collection<Agency> agencies, Collection<Succession> successions) {
        Map<String, Agency> map = new LinkedHashMap<>();
        agencies.forEach(a -> map.put(a.code(), a));
        this.agencies = Map.copyOf(map);
        Comparator<Succession> byDate = Comparator.comparing(Succession::effectiveDate);
        for (Succession s : successions) {
            byPredecessor.computeIfAbsent(s.predecessorCode(), k -> new ArrayList<>()).add(s);
            bySuccessor.computeIfAbsent(s.successorCode(), k -> new ArrayList<>()).add(s);
        }
        byPredecessor.values().forEach(list -> list.sort(byDate));
        bySuccessor.values().forEach(list -> list.sort(byDate));
    }

    public Optional<Agency> find(String code) {
        return Optional.ofNullable(code == null ? null : agencies.get(code));
    }

    public Collection<Agency> all() {
        return agencies.values();
    }

    public List<Succession> successorsOf(String code) {
        return byPredecessor.getOrDefault(code, List.of());
    }

    public List<Succession> predecessorsOf(String code) {
        return bySuccessor.getOrDefault(code, List.of());
    }

    /**
     * The agency that holds what {@code code} held, on {@code date}: follows the
     * main successions that took effect on or before that date.
     */
    public String resolve(String code, LocalDate date) {
        String current = code;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            Optional<Succession> next = mainSuccession(current, date);
            if (next.isEmpty()) {
                return current;
            }
            current = next.get().successorCode();
        }
        throw new IllegalStateException("Successions of " + code + " form a cycle");
    }

    private Optional<Succession> mainSuccession(String code, LocalDate notAfter) {
        return successorsOf(code).stream()
                .filter(s -> s.main() && !s.effectiveDate().isAfter(notAfter))
                .findFirst();
    }

    /** Every tenure along the main successions of {@code code}, oldest first. */
    public List<Tenure> tenures(String code) {
        List<Tenure> tenures = new ArrayList<>();
        String current = code;
        LocalDate from = null;
        Succession cause = null;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            Optional<Succession> next = successorsOf(current).stream().filter(Succession::main).findFirst();
            Agency agency = agencies.get(current);
            if (next.isEmpty()) {
                tenures.add(new Tenure(agency, from, null, cause));
                break;
            }
            tenures.add(new Tenure(agency, from, next.get().effectiveDate().minusDays(1), cause));
            cause = next.get();
            from = cause.effectiveDate();
            current = cause.successorCode();
        }
        return tenures;
    }

    /** The codes that resolve to {@code code} on {@code date}: itself and its main predecessors. */
    public Set<String> resolvingTo(String code, LocalDate date) {
        Set<String> result = new HashSet<>();
        for (String candidate : agencies.keySet()) {
            if (resolve(candidate, date).equals(code)) {
                result.add(candidate);
            }
        }
        return result;
    }
}
