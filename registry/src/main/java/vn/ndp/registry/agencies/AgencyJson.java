package vn.ndp.registry.agencies;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import vn.ndp.registry.shared.InvalidParameters.Wire;

/** How every API writes an agency it refers to, and where an agency stood on a date: one shape for all modules. */
public final class AgencyJson {

    private AgencyJson() {
    }

    /** An agency as another resource names it. */
    public record AgencyRef(String code, String nameVi, String nameEn) {

        /** {@code agency} as a reference, or null for none. */
        public static AgencyRef of(Agency agency) {
            return agency == null ? null : new AgencyRef(agency.code(), agency.nameVi(), agency.nameEn());
        }
    }

    /**
     * Where an agency stood on the as-of date ({@link Existence}): {@code existing}; {@code not_yet_formed}, with the
     * day it was formed and the agencies it was formed from that existed then; or {@code ended}, with its first day
     * gone, the agency it went into ({@code change}: merged, renamed, split) and the one holding its place on the date.
     */
    public record ExistenceJson(String state, LocalDate formedOn, List<AgencyRef> formedFrom, LocalDate endedOn,
            String change, AgencyRef successor, AgencyRef heldBy) {

        /** {@code existence} as written, {@code agencies} finding the successor by its code. */
        public static ExistenceJson of(Existence existence, Function<String, Agency> agencies) {
            return switch (existence) {
                case Existence.Existing e -> new ExistenceJson("existing", null, List.of(), null, null, null, null);
                case Existence.NotYetFormed n -> new ExistenceJson("not_yet_formed", n.formedOn(),
                        n.formedFrom().stream().map(AgencyRef::of).toList(), null, null, null, null);
                case Existence.Ended e -> new ExistenceJson("ended", null, List.of(), e.endedOn(),
                        e.succession() == null ? null : Wire.name(e.succession().kind()),
                        e.succession() == null ? null : AgencyRef.of(agencies.apply(e.succession().successorCode())),
                        AgencyRef.of(e.holder()));
            };
        }
    }
}
