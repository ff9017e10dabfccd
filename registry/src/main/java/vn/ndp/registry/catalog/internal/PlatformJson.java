package vn.ndp.registry.catalog.internal;

import java.time.LocalDate;
import java.util.List;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyJson.AgencyRef;
import vn.ndp.registry.agencies.Tenure;
import vn.ndp.registry.catalog.ExchangeConnections;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformRelation;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/** The JSON shapes of the platform API; enum values are lower-case, as in query parameters and files. */
final class PlatformJson {

    private PlatformJson() {
    }

    record Summary(String code, String nameVi, String nameEn, AgencyRef owner, String category, String type,
            List<String> scopes, String status, String ndxpStatus, Integer securityLevel, boolean sample) {

        static Summary of(PlatformPage.Hit hit) {
            Platform p = hit.platform();
            return new Summary(p.code(), p.nameVi(), p.nameEn(), AgencyRef.of(hit.owner()), Wire.name(p.category()),
                    Wire.name(p.type()), scopeNames(p), Wire.name(p.status()), Wire.name(p.ndxpStatus()),
                    p.security().level(), p.sample());
        }
    }

    /**
     * {@code dateUnknown}: the platforms that match but whose listing date is unknown, so that as of a date before
     * today they are neither in {@code items} nor counted (the first {@link vn.ndp.registry.catalog.PlatformQuery#MAX_SIZE});
     * {@code dateUnknownTotal}: how many there are in all.
     */
    record Page(List<Summary> items, long total, int page, int size, LocalDate asOf,
            java.util.Map<String, List<PlatformPage.FacetCount>> facets, List<Undated> dateUnknown,
            long dateUnknownTotal) {

        static Page of(PlatformPage page) {
            return new Page(page.items().stream().map(Summary::of).toList(), page.total(), page.page(), page.size(),
                    page.asOf(), page.facets(), page.dateUnknown().stream().map(Undated::of).toList(),
                    page.dateUnknownTotal());
        }
    }

    record Undated(String code, String nameVi, String nameEn) {
        static Undated of(Platform p) {
            return new Undated(p.code(), p.nameVi(), p.nameEn());
        }
    }

    record Operator(String name, String contact, String phone, String email) {
    }

    record LegalBasis(String number, LocalDate date, String issuer) {
    }

    record Security(Integer level, Boolean dossierApproved, LocalDate dossierDate) {
    }

    record OwnerTenure(AgencyRef agency, LocalDate from, LocalDate to, String change, String legalBasis) {
        static OwnerTenure of(Tenure t) {
            return new OwnerTenure(AgencyRef.of(t.agency()), t.from(), t.to(),
                    t.cause() == null ? null : Wire.name(t.cause().kind()),
                    t.cause() == null ? null : t.cause().legalBasis());
        }
    }

    record Relation(String from, String to, String kind, String source) {
        static Relation of(PlatformRelation r) {
            return new Relation(r.fromCode(), r.toCode(), Wire.name(r.kind()), r.source());
        }
    }

    record Detail(String code, String nameVi, String nameEn, String descriptionVi, String descriptionEn,
            LocalDate asOf, AgencyRef owner, AgencyRef originalOwner, List<OwnerTenure> ownership,
            Operator operator, String developer, String category, String type, List<String> scopes, String status,
            LegalBasis legalBasis, String website, Security security, Boolean dataInVietnam, String ndxpStatus,
            ExchangeConnections.Connection exchange, List<String> tags, LocalDate listedFrom,
            List<Relation> relations, String source, boolean sample, int version) {

        static Detail of(Platform p, LocalDate asOf, Agency owner, Agency originalOwner, List<Tenure> ownership,
                List<PlatformRelation> relations, ExchangeConnections.Connection exchange) {
            return new Detail(p.code(), p.nameVi(), p.nameEn(), p.descriptionVi(), p.descriptionEn(), asOf,
                    AgencyRef.of(owner), AgencyRef.of(originalOwner),
                    ownership.stream().map(OwnerTenure::of).toList(),
                    new Operator(p.operator().name(), p.operator().contact(), p.operator().phone(),
                            p.operator().email()),
                    p.developer(), Wire.name(p.category()), Wire.name(p.type()), scopeNames(p), Wire.name(p.status()),
                    new LegalBasis(p.legalBasis().number(), p.legalBasis().date(), p.legalBasis().issuer()),
                    p.website(),
                    new Security(p.security().level(), p.security().dossierApproved(), p.security().dossierDate()),
                    p.dataInVietnam(),
                    exchange.registered() ? Wire.name(vn.ndp.registry.catalog.NdxpStatus.CONNECTED)
                            : Wire.name(p.ndxpStatus()),
                    exchange, p.tags(), p.listedFrom(),
                    relations.stream().map(Relation::of).toList(), p.source(), p.sample(), p.version());
        }
    }

    static List<String> scopeNames(Platform p) {
        return p.scopes().stream().sorted().map(Wire::name).toList();
    }
}
