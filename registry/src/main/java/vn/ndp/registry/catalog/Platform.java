package vn.ndp.registry.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.ndp.registry.shared.Bilingual;
import vn.ndp.registry.shared.ShownLanguage;

/**
 * A platform in the catalogue. {@code ownerCode} and {@code status} are the
 * ones in force now; {@code past} holds the owners and statuses it had before,
 * each until the day its successor took effect. Its owner on any date is the
 * owner assigned then ({@link #ownerCodeOn}), followed through that agency's
 * successions.
 */
public record Platform(
        String code,
        String nameVi,
        String nameEn,
        String descriptionVi,
        String descriptionEn,
        String ownerCode,
        Operator operator,
        String developer,
        Category category,
        PlatformType type,
        Set<Scope> scopes,
        LifecycleStatus status,
        LegalBasis legalBasis,
        String website,
        Security security,
        Boolean dataInVietnam,
        NdxpStatus ndxpStatus,
        List<String> tags,
        LocalDate listedFrom,
        String source,
        boolean sample,
        int version,
        Past past) implements Bilingual {

    public Platform {
        scopes = Set.copyOf(scopes);
        tags = List.copyOf(tags);
        operator = operator == null ? Operator.NONE : operator;
        legalBasis = legalBasis == null ? LegalBasis.NONE : legalBasis;
        security = security == null ? Security.UNKNOWN : security;
        ndxpStatus = ndxpStatus == null ? NdxpStatus.UNKNOWN : ndxpStatus;
        past = past == null ? Past.NONE : past;
    }

    /** The owner assigned on {@code date} (before any later transfer), not followed through successions. */
    public String ownerCodeOn(LocalDate date) {
        return past.ownerOn(date, ownerCode);
    }

    /** The owner assigned first, when the platform was listed. */
    public String firstOwnerCode() {
        return past.owners().isEmpty() ? ownerCode : past.owners().getFirst().value();
    }

    /** The status in force on {@code date}. */
    public LifecycleStatus statusOn(LocalDate date) {
        return LifecycleStatus.valueOf(past.statusOn(date, status.name()));
    }

    /** The platform as it stood on {@code date}: the owner assigned and the status in force then. */
    public Platform on(LocalDate date) {
        String owner = ownerCodeOn(date);
        LifecycleStatus then = statusOn(date);
        if (owner.equals(ownerCode) && then == status) {
            return this;
        }
        return new Platform(code, nameVi, nameEn, descriptionVi, descriptionEn, owner, operator, developer, category,
                type, scopes, then, legalBasis, website, security, dataInVietnam, ndxpStatus, tags, listedFrom, source,
                sample, version, past);
    }

    /**
     * Every owner assigned to the platform, oldest first: the agency (before successions) and the days it was
     * assigned, {@code from} null for the first and {@code until} (exclusive) null for the current one.
     */
    public List<Period> ownerPeriods() {
        return past.periods(past.owners(), ownerCode);
    }

    /** Every status the platform had, oldest first, as {@link #ownerPeriods()} (the value is the enum name). */
    public List<Period> statusPeriods() {
        return past.periods(past.statuses(), status.name());
    }

    /** A value (owner code, status name) held from a day (inclusive, null = since listing) until a day (exclusive). */
    public record Period(String value, LocalDate from, LocalDate until) {
        public boolean covers(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
        }
    }

    /** A value the owner or the status had until {@code until}, the day the next one took effect. */
    public record Earlier(String value, LocalDate until) {
    }

    /**
     * The owners (agency codes) and statuses (enum names) a platform had before the current ones, each oldest
     * first by the day it ended.
     */
    public record Past(List<Earlier> owners, List<Earlier> statuses) {
        public static final Past NONE = new Past(List.of(), List.of());

        public Past {
            owners = List.copyOf(owners);
            statuses = List.copyOf(statuses);
        }

        public boolean isEmpty() {
            return owners.isEmpty() && statuses.isEmpty();
        }

        String ownerOn(LocalDate date, String current) {
            return valueOn(owners, date, current);
        }

        String statusOn(LocalDate date, String current) {
            return valueOn(statuses, date, current);
        }

        private static String valueOn(List<Earlier> earlier, LocalDate date, String current) {
            for (Earlier e : earlier) {
                if (date.isBefore(e.until())) {
                    return e.value();
                }
            }
            return current;
        }

        List<Period> periods(List<Earlier> earlier, String current) {
            List<Period> periods = new java.util.ArrayList<>(earlier.size() + 1);
            LocalDate from = null;
            for (Earlier e : earlier) {
                if (from == null || e.until().isAfter(from)) {
                    periods.add(new Period(e.value(), from, e.until()));
                }
                from = e.until();
            }
            periods.add(new Period(current, from, null));
            return periods;
        }
    }

    public String description(Locale locale) {
        return ShownLanguage.name(locale, descriptionVi, descriptionEn);
    }

    /** The {@code lang} of {@link #description(Locale)} where it is not the page's: "vi" or null. */
    public String descriptionLang(Locale locale) {
        return ShownLanguage.lang(locale, descriptionVi, descriptionEn);
    }

    /**
     * The day from which the platform counts as listed: {@code listedFrom}, else the date of its legal basis (the
     * document that lists or recognises it; nothing is listed before its basis exists); null when neither is known.
     */
    public LocalDate listingDate() {
        return listedFrom != null ? listedFrom : legalBasis.date();
    }

    /** Whether the platform is in the catalogue on {@code today}, the catalogue's today. */
    public boolean listedOn(LocalDate today) {
        return listedOn(today, today);
    }

    /**
     * Whether the platform is listed on {@code date}, {@code today} being the catalogue's today: from its
     * {@link #listingDate()} when that is known; when it is not, the catalogue holds the platform today but cannot
     * say since when, so it counts from today on and, for an earlier date, its listing date is unknown
     * ({@link #listingDateUnknownOn}) rather than silently taken as listed.
     */
    public boolean listedOn(LocalDate date, LocalDate today) {
        LocalDate from = listingDate();
        return from == null ? !date.isBefore(today) : !from.isAfter(date);
    }

    /**
     * Whether, asked as of {@code date}, the platform can be neither counted nor left out: its listing date is
     * unknown.
     */
    public boolean listingDateUnknownOn(LocalDate date, LocalDate today) {
        return listingDate() == null && date.isBefore(today);
    }

    /** The organisation that runs the platform and the contact point localities turn to. */
    public record Operator(String name, String contact, String phone, String email) {
        public static final Operator NONE = new Operator(null, null, null, null);
    }

    /** The document that lists or recognises the platform. */
    public record LegalBasis(String number, LocalDate date, String issuer) {
        public static final LegalBasis NONE = new LegalBasis(null, null, null);
    }

    /** Security level under Decree 85/2016/NĐ-CP (1–5) and whether its dossier is approved. */
    public record Security(Integer level, Boolean dossierApproved, LocalDate dossierDate) {
        public static final Security UNKNOWN = new Security(null, null, null);
    }
}
