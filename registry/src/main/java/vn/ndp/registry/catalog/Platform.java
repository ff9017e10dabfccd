package vn.ndp.registry.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A platform in the catalogue. {@code ownerCode} is the owner when it was
 * listed; its owner on any date follows that agency's successions.
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
        int version) {

    public Platform {
        scopes = Set.copyOf(scopes);
        tags = List.copyOf(tags);
        operator = operator == null ? Operator.NONE : operator;
        legalBasis = legalBasis == null ? LegalBasis.NONE : legalBasis;
        security = security == null ? Security.UNKNOWN : security;
        ndxpStatus = ndxpStatus == null ? NdxpStatus.UNKNOWN : ndxpStatus;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameVi;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionVi;
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
