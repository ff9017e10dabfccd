package vn.ndp.registry.agencies;

import java.time.LocalDate;
import java.util.List;

/**
 * Where an agency stood on a date, for pages and APIs that answer "as of" a date: it existed, it was not formed
 * yet (and who held its place then), or it had ended (and into whom it went). Built by
 * {@link Agencies#existenceOn}.
 */
public sealed interface Existence {

    Agency agency();

    LocalDate date();

    /** The agency existed on the date. */
    record Existing(Agency agency, LocalDate date) implements Existence {
    }

    /**
     * The agency was formed after the date ({@code formedOn}); {@code formedFrom} are the agencies it was formed
     * from that existed on the date (empty when the directory knows none).
     */
    record NotYetFormed(Agency agency, LocalDate date, LocalDate formedOn, List<Agency> formedFrom)
            implements Existence {

        public NotYetFormed {
            formedFrom = List.copyOf(formedFrom);
        }
    }

    /**
     * The agency had ended before the date: from {@code succession}'s date (the day after its last) it went into
     * the succession's successor, and on the date {@code holder} held what it held (the same unless that successor
     * was itself reorganised later). {@code succession} and {@code holder} are null for an agency that ended with
     * no successor.
     */
    record Ended(Agency agency, LocalDate date, Succession succession, Agency holder) implements Existence {

        /** The first day it no longer existed. */
        public LocalDate endedOn() {
            return agency.validTo().plusDays(1);
        }

        public boolean merged() {
            return succession != null && succession.kind() == SuccessionKind.MERGED;
        }
    }
}
