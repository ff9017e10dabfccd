package vn.ndp.registry.agencies.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.AgencyJson.ExistenceJson;
import vn.ndp.registry.agencies.AgencyKind;
import vn.ndp.registry.agencies.Succession;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.ProblemApi;

@ProblemApi
@RequestMapping("/api/v1/agencies")
@Tag(name = "Agencies", description = "Ministries, provinces and other bodies, with their reorganisations")
class AgencyApi {

    private final Agencies agencies;

    AgencyApi(Agencies agencies) {
        this.agencies = agencies;
    }

    @GetMapping
    @Operation(summary = "Agencies that exist on a date (today by default)")
    List<AgencySummary> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String q) {
        InvalidParameters params = new InvalidParameters();
        AgencyKind parsedKind = params.choice("kind", kind, AgencyKind.class);
        LocalDate date = params.date("asOf", asOf);
        params.throwIfAny();
        return agencies.list(parsedKind, date, q).stream().map(AgencySummary::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One agency with its predecessors and successors, and where it stood on a date",
            description = "existence says where the agency stood on asOf (today by default): existing; "
                    + "not_yet_formed, with formedOn and the agencies it was formed from that existed then "
                    + "(formedFrom); or ended, with endedOn (its first day gone), the change (merged, renamed, split), "
                    + "the successor it went into and the agency holding its place on asOf (heldBy). The same "
                    + "object as a province's in /api/v1/adoption/provinces/{code}.")
    AgencyDetail get(@PathVariable String code,
            @Parameter(description = "yyyy-MM-dd, today by default") @RequestParam(required = false) String asOf) {
        InvalidParameters params = new InvalidParameters();
        LocalDate date = params.date("asOf", asOf);
        params.throwIfAny();
        Agency agency = agencies.get(code);
        LocalDate on = date == null ? agencies.today() : date;
        return new AgencyDetail(agency.code(), Wire.name(agency.kind()), agency.nameVi(), agency.nameEn(),
                agency.shortName(), agency.officialCode(), agency.adminCode(), agency.parentCode(),
                agency.validFrom(), agency.validTo(), agency.source(), agency.sample(), on,
                ExistenceJson.of(agencies.existenceOn(code, on), agencies::get),
                agencies.predecessorsOf(code).stream().map(s -> link(s, s.predecessorCode())).toList(),
                agencies.successorsOf(code).stream().map(s -> link(s, s.successorCode())).toList());
    }

    private SuccessionLink link(Succession s, String otherCode) {
        Agency other = agencies.get(otherCode);
        return new SuccessionLink(other.code(), other.nameVi(), other.nameEn(), s.effectiveDate(),
                Wire.name(s.kind()), s.main(), s.legalBasis(), s.note(), s.source());
    }

    record AgencySummary(String code, String kind, String nameVi, String nameEn, String shortName,
            LocalDate validFrom, LocalDate validTo, boolean sample) {

        static AgencySummary of(Agency a) {
            return new AgencySummary(a.code(), Wire.name(a.kind()), a.nameVi(), a.nameEn(), a.shortName(),
                    a.validFrom(), a.validTo(), a.sample());
        }
    }

    record AgencyDetail(String code, String kind, String nameVi, String nameEn, String shortName,
            String officialCode, String adminCode, String parentCode, LocalDate validFrom, LocalDate validTo,
            String source, boolean sample, LocalDate asOf, ExistenceJson existence,
            List<SuccessionLink> predecessors, List<SuccessionLink> successors) {
    }
    record SuccessionLink(String code, String nameVi, String nameEn, LocalDate effectiveDate, String kind,
            boolean main, String legalBasis, String note, String source) {
    }
}
