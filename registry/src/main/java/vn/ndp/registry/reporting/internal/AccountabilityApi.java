package vn.ndp.registry.reporting.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.reporting.Accountability;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.ProblemApi;

@ProblemApi
@Tag(name = "Accountability")
class AccountabilityApi {

    private final Accountability accountability;

    AccountabilityApi(Accountability accountability) {
        this.accountability = accountability;
    }

    record AgencyRow(String code, String kind, String nameVi, String nameEn, int platforms, List<String> platformCodes,
            OffsetDateTime lastUpdate) {

        static AgencyRow of(Accountability.AgencyStatus s) {
            return new AgencyRow(s.agency().code(), Wire.name(s.agency().kind()), s.agency().nameVi(),
                    s.agency().nameEn(), s.platforms(), s.platformCodes(), s.lastUpdate());
        }
    }

    record Report(LocalDate asOf, int announcedCount, int total, List<AgencyRow> announced,
            List<AgencyRow> notAnnounced) {
    }

    record Summary(LocalDate asOf, int announced, int total) {
    }

    record Reminded(String agencyCode, int recipients) {
    }

    @GetMapping("/api/v1/accountability")
    @PreAuthorize("hasAnyRole('ADMIN', 'REVIEWER')")
    @Operation(summary = "Central agencies that have and have not announced platforms (authority)")
    Report report(@RequestParam(required = false) String asOf) {
        Accountability.Report report = accountability.report(date(asOf));
        return new Report(report.asOf(), report.announced().size(), report.total(),
                report.announced().stream().map(AgencyRow::of).toList(),
                report.notAnnounced().stream().map(AgencyRow::of).toList());
    }

    @GetMapping("/api/v1/stats/accountability")
    @Operation(summary = "How many central agencies have announced platforms, of how many (public)")
    Summary summary(@RequestParam(required = false) String asOf) {
        Accountability.Report report = accountability.report(date(asOf));
        return new Summary(report.asOf(), report.announced().size(), report.total());
    }

    @PostMapping("/api/v1/accountability/{code}/remind")
    @PreAuthorize("hasAnyRole('ADMIN', 'REVIEWER')")
    @Operation(summary = "Remind a central agency's editors to announce its platforms (authority)")
    Reminded remind(@PathVariable String code, Authentication authentication) {
        int told = accountability.remind(code, CurrentUser.from(authentication).orElseThrow().username());
        return new Reminded(code, told);
    }

    private static LocalDate date(String asOf) {
        InvalidParameters params = new InvalidParameters();
        LocalDate date = params.date("asOf", asOf);
        params.throwIfAny();
        return date;
    }
}
