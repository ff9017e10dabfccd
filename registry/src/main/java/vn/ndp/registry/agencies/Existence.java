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

        /**
         * How it ended, in English, worded by the succession as the agency's page words it: "BKHDT (Ministry of ...)
         * no longer exists from 2025-03-01: it became part of BTC (Ministry of Finance)", renamed or split alike;
         * without a full stop, for the caller to say what to do instead.
         */
        public String describe() {
            String gone = agency.code() + " (" + agency.name(java.util.Locale.ENGLISH) + ")";
            if (holder == null) {
                return gone + " no longer exists from " + endedOn();
            }
            String successor = holder.code() + " (" + holder.name(java.util.Locale.ENGLISH) + ")";
            return gone + switch (succession.kind()) {
                case MERGED -> " no longer exists from " + endedOn() + ": it became part of " + successor;
                case RENAMED -> " is no longer used from " + endedOn() + ": the agency was renamed and is now "
                        + successor;
                case SPLIT -> " no longer exists from " + endedOn() + ": it was split, and its duties and platforms"
                        + " went to " + successor;
            };
        }
    }
}
