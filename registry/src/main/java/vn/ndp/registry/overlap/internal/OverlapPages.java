package vn.ndp.registry.overlap.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.overlap.CorpusEntry;
import vn.ndp.registry.overlap.OverlapDetector;
import vn.ndp.registry.overlap.OverlapReport;
import vn.ndp.registry.overlap.OverlapSettings;
import vn.ndp.registry.overlap.PlatformDescription;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.ShownLanguage;
import vn.ndp.registry.shared.web.Site;
import vn.ndp.registry.shared.web.WebPage;

/**
 * {@code /overlap}: anyone pastes a description and sees which existing
 * platforms it duplicates or overlaps. A plain GET form, so it works without
 * JavaScript and a result can be linked to.
 */
@WebPage
class OverlapPages {

    private final OverlapDetector detector;
    private final OverlapSettings settings;
    private final ClientRateLimiter limiter;
    private final ReasonText reasons;
    private final Agencies agencies;

    OverlapPages(OverlapDetector detector, OverlapSettings settings, ClientRateLimiter limiter, ReasonText reasons,
            Agencies agencies) {
        this.detector = detector;
        this.settings = settings;
        this.limiter = limiter;
        this.reasons = reasons;
        this.agencies = agencies;
    }

    /** The form as filled in. */
    record Form(String name, String description, String functions, String users, String owner, String category) {

        boolean submitted() {
            return Stream.of(name, description, functions, users, owner, category)
                    .anyMatch(v -> v != null && !v.isBlank());
        }
    }

    /**
     * One match as the page shows it: its page ({@code link}, or null), and for a local platform the province or
     * agency that runs it ({@code owner}, by name) in place of its internal code. The {@code *Lang}s are the
     * {@code lang} of the name, owner and description where it is not the page's (Vietnamese on an English page).
     */
    record MatchView(String code, String name, String nameLang, boolean national, String link, String owner,
            String ownerLang, double percent, String verdict, Highlight highlightedName,
            Highlight highlightedDescription, String descriptionLang, List<ReasonView> reasons) {
    }

    record ReasonView(String label, List<String> terms) {
    }

    @GetMapping("/overlap")
    String check(@RequestParam(required = false) String name, @RequestParam(required = false) String description,
            @RequestParam(required = false) String functions, @RequestParam(required = false) String users,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String category,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Form form = new Form(name, description, functions, users, owner, category);
        model.addAttribute(Site.MODEL_NAME, Site.of(request));
        model.addAttribute("form", form);
        model.addAttribute("categories", Wire.values(Category.class));
        model.addAttribute("limits", settings.limits());
        model.addAttribute("compared", detector.corpusSize());
        if (!form.submitted()) {
            return "overlap/check";
        }
        ClientRateLimiter.Decision decision = limiter.acquire(request.getRemoteAddr());
        if (!decision.allowed()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            model.addAttribute("retryAfter", decision.retryAfterSeconds());
            return "overlap/check";
        }
        PlatformDescription input;
        try {
            input = new DescriptionInput(settings).fromForm(name, description, functions, users, owner, category);
        } catch (RegistryException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.errors());
            return "overlap/check";
        }
        OverlapReport report = detector.check(input);
        model.addAttribute("verdict", Wire.name(report.verdict()));
        model.addAttribute("matches", report.matches().stream().map(m -> view(m, locale)).toList());
        return "overlap/check";
    }

    private MatchView view(OverlapReport.Match m, Locale locale) {
        CorpusEntry p = m.platform();
        String shownName = p.name(locale);
        String shownDescription = ShownLanguage.name(locale, p.descriptionVi(), p.descriptionEn());
        List<ReasonView> reasonViews = m.reasons().stream()
                .map(r -> new ReasonView(reasons.label(r, locale), r.terms())).toList();
        return new MatchView(p.code(), shownName, p.lang(locale), p.kind() == CorpusEntry.Kind.NATIONAL, p.link(),
                agencies.name(p.ownerCode(), locale), agencies.nameLang(p.ownerCode(), locale),
                Math.round(m.score() * 100), Wire.name(m.verdict()), Highlight.of(shownName, m.terms()),
                Highlight.of(shownDescription, m.terms()),
                ShownLanguage.lang(locale, p.descriptionVi(), p.descriptionEn()), reasonViews);
    }
}
