package vn.ndp.registry.overlap.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapDetector;
import vn.ndp.registry.overlap.OverlapReport;
import vn.ndp.registry.overlap.OverlapSettings;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.ProblemApi;
import vn.ndp.registry.shared.RegistryException;

@ProblemApi
@RequestMapping("/api/v1/overlap")
@Tag(name = "Overlap check", description = "Does a planned platform duplicate or overlap an existing one?")
class OverlapApi {

    private static final Locale VIETNAMESE = Locale.of("vi");

    private final OverlapDetector detector;
    private final OverlapSettings settings;
    private final ClientRateLimiter limiter;
    private final ReasonText reasons;

    OverlapApi(OverlapDetector detector, OverlapSettings settings, ClientRateLimiter limiter, ReasonText reasons) {
        this.detector = detector;
        this.settings = settings;
        this.limiter = limiter;
        this.reasons = reasons;
    }

    /** The request body, as documented; the body is read by hand so that every type error is named. */
    @Schema(name = "OverlapCheckRequest", description = "A name or a description is required.")
    record CheckRequest(
            @Schema(example = "He thong quan ly van ban va dieu hanh", maxLength = 300) String name,
            @Schema(example = "Quản lý văn bản đến, đi, hồ sơ công việc, ký số cho các sở, ngành của tỉnh",
                    maxLength = 5000) String description,
            @Schema(description = "one function per item, at most 50 of 300 characters each",
                    example = "[\"ký số văn bản\", \"theo dõi xử lý hồ sơ công việc\"]") List<String> functions,
            @Schema(description = "who will use it", maxLength = 1000) String users,
            @Schema(description = "agency code or name of the intended owner", example = "BTC", maxLength = 200)
            String owner,
            @Schema(allowableValues = {"government", "economy", "society"}) String category) {
    }

    @Schema(name = "OverlapCheckResult")
    record CheckResponse(
            @Schema(allowableValues = {"duplicate", "overlapping", "distinct"}) String verdict,
            @Schema(description = "how many existing platforms were compared") int compared,
            List<MatchJson> matches) {
    }

    @Schema(name = "OverlapMatch")
    record MatchJson(String code, String name, String nameEn,
            @Schema(allowableValues = {"national", "local"}) String kind,
            @Schema(description = "0–1, cosine similarity of weighted terms") double score,
            @Schema(allowableValues = {"duplicate", "overlapping", "distinct"}) String verdict,
            @Schema(description = "readable reasons, matched terms in «guillemets»") List<String> reasons,
            @Schema(description = "matched terms as the existing platform writes them") List<String> terms) {
    }

    @PostMapping(value = "/check", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a planned platform against every existing platform",
            description = "Anyone may call this; it is rate-limited per client address (429 with Retry-After). "
                    + "Text may be Vietnamese with or without diacritics, or English; abbreviations such as CSDL, "
                    + "TTHC, LGSP are understood. Matches come best first with a verdict each: duplicate (use the "
                    + "existing platform), overlapping (reuse or connect), distinct (shown as a near miss). "
                    + "Reasons are in the language of Accept-Language (Vietnamese by default).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CheckRequest.class),
                            examples = @ExampleObject(value = "{\"name\": \"Cong dich vu cong cua tinh\", "
                                    + "\"functions\": [\"nop ho so TTHC truc tuyen\"], \"category\": \"government\"}"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "the check"),
                @ApiResponse(responseCode = "400", description = "no name or description, wrong types, too long, "
                        + "unknown category (problem+json naming each field)",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "429", description = "too many checks from this address; see Retry-After",
                        content = @Content(mediaType = "application/problem+json"))})
    CheckResponse check(@RequestBody(required = false) String body, HttpServletRequest request,
            HttpServletResponse response) {
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? VIETNAMESE : request.getLocale();
        ClientRateLimiter.Decision decision = limiter.acquire(request.getRemoteAddr());
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            throw new RegistryException(ErrorCode.RATE_LIMITED, "At most " + settings.rateLimit().capacity()
                    + " checks at once and " + settings.rateLimit().perMinute()
                    + " a minute per client; try again in " + decision.retryAfterSeconds() + " s.");
        }
        OverlapReport report = detector.check(new DescriptionInput(settings).fromJson(body));
        return new CheckResponse(Wire.name(report.verdict()), report.corpusSize(), report.matches().stream()
                .map(m -> match(m, locale)).toList());
    }

    private MatchJson match(OverlapReport.Match m, Locale locale) {
        CorpusEntry p = m.platform();
        return new MatchJson(p.code(), p.nameVi(), p.nameEn(), Wire.name(p.kind()), m.score(), Wire.name(m.verdict()),
                reasons.sentences(m.reasons(), locale), m.terms());
    }
}
