package vn.ndp.registry.catalog.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ndp.registry.agencies.Agencies;
import org.springframework.beans.factory.ObjectProvider;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.ExchangeConnections;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.ProblemApi;

@ProblemApi
@RequestMapping("/api/v1")
@Tag(name = "Platforms", description = "The catalogue of national digital platforms")
class PlatformApi {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Catalog catalog;
    private final Agencies agencies;
    private final PlatformExport export;

    private final ObjectProvider<ExchangeConnections> exchange;

    PlatformApi(Catalog catalog, Agencies agencies, PlatformExport export, ObjectProvider<ExchangeConnections> exchange) {
        this.catalog = catalog;
        this.agencies = agencies;
        this.export = export;
        this.exchange = exchange;
    }

    @GetMapping("/platforms")
    @Operation(summary = "Search the catalogue", description = "Free text ignores diacritics: 'nen tang so' finds "
            + "'nền tảng số'. owner is matched as of asOf (today by default), following agency successions.")
    @SearchParameters
    PlatformJson.Page search(HttpServletRequest request) {
        return PlatformJson.Page.of(catalog.search(query(request)));
    }

    @GetMapping("/platforms/{code}")
    @Operation(summary = "One platform with its owner as of a date and its ownership history")
    PlatformJson.Detail get(@PathVariable String code, @RequestParam(required = false) String asOf) {
        InvalidParameters params = new InvalidParameters();
        LocalDate date = params.date("asOf", asOf);
        params.throwIfAny();
        Platform platform = catalog.get(code);
        LocalDate on = date == null ? agencies.today() : date;
        return PlatformJson.Detail.of(platform.on(on), on, catalog.ownerOn(platform, on),
                agencies.find(platform.firstOwnerCode()).orElse(null), catalog.ownership(platform),
                catalog.relations(code), exchange.getIfAvailable(() -> c -> ExchangeConnections.Connection.NONE).of(code));
    }

    @GetMapping(value = "/platforms.csv", produces = "text/csv")
    @Operation(summary = "The search's matches as CSV (UTF-8, the import format plus the as-of owner)")
    @SearchParameters
    ResponseEntity<byte[]> csv(HttpServletRequest request) {
        PlatformQuery query = query(request);
        return attachment(export.csv(query), MediaType.parseMediaType("text/csv; charset=UTF-8"), query, "csv");
    }

    @GetMapping(value = "/platforms.xlsx")
    @Operation(summary = "The search's matches as an XLSX workbook")
    @SearchParameters
    ResponseEntity<byte[]> xlsx(HttpServletRequest request) {
        PlatformQuery query = query(request);
        return attachment(export.xlsx(query), XLSX, query, "xlsx");
    }

    /**
     * The parameters {@link PlatformQuery#parse} reads ({@link PlatformQuery#PARAMETERS}), for the API description
     * and for the check that refuses any other.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Parameters({
        @Parameter(in = ParameterIn.QUERY, name = "q", description = "free text"),
        @Parameter(in = ParameterIn.QUERY, name = "owner", description = "agency code, e.g. BTC"),
        @Parameter(in = ParameterIn.QUERY, name = "category", description = "government|economy|society"),
        @Parameter(in = ParameterIn.QUERY, name = "type",
                description = "platform|information_system|application|national_database"),
        @Parameter(in = ParameterIn.QUERY, name = "status",
                description = "proposed|potential|recognised|trial|in_use|suspended|revoked|retired"),
        @Parameter(in = ParameterIn.QUERY, name = "scope", description = "central|province|commune"),
        @Parameter(in = ParameterIn.QUERY, name = "asOf", description = "yyyy-MM-dd"),
        @Parameter(in = ParameterIn.QUERY, name = "page", description = "1-based"),
        @Parameter(in = ParameterIn.QUERY, name = "size", description = "1–100, default 20"),
        @Parameter(in = ParameterIn.QUERY, name = "sort", description = "relevance|name|code")
    })
    @interface SearchParameters {
    }

    private PlatformQuery query(HttpServletRequest request) {
        return PlatformQuery.parse(request::getParameter, code -> agencies.find(code).isPresent());
    }

    /** Named by the date the matches are as of (today unless asked), as a past date's file is not today's list. */
    private ResponseEntity<byte[]> attachment(byte[] body, MediaType type, PlatformQuery query, String extension) {
        LocalDate on = query.asOf() == null ? agencies.today() : query.asOf();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("nen-tang-so-" + on + "." + extension).build().toString())
                .body(body);
    }
}
