package vn.ndp.registry.reporting.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.reporting.Accountability;
import vn.ndp.registry.reporting.ProgrammeFigure;
import vn.ndp.registry.reporting.ProgrammeFigures;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.web.DatedPage;
import vn.ndp.registry.shared.web.WebPage;

/** The national authority's view of which ministries have announced platforms, with reminders. */
@WebPage
class AccountabilityPages {

    private final Accountability accountability;
    private final ProgrammeFigures figures;
    private final Agencies agencies;

    AccountabilityPages(Accountability accountability, ProgrammeFigures figures, Agencies agencies) {
        this.accountability = accountability;
        this.figures = figures;
        this.agencies = agencies;
    }

    @GetMapping("/accountability")
    @DatedPage
    @PreAuthorize("hasAnyRole('ADMIN', 'REVIEWER')")
    String report(HttpServletRequest request, Model model) {
        InvalidParameters params = new InvalidParameters();
        LocalDate asOf = params.date("asOf", request.getParameter("asOf"));
        params.throwIfAny();
        model.addAttribute("report", accountability.report(asOf));
        // reminders are about today: a past date's "not announced" may have announced since
        model.addAttribute("remindable", asOf == null || asOf.equals(agencies.today()));
        LocalDate on = asOf == null ? agencies.today() : asOf;
        model.addAttribute("announcedFigure", figure("list_2023.agencies_announced", on));
        model.addAttribute("totalFigure", figure("list_2023.agencies_total", on));
        return "reporting/accountability";
    }

    @PostMapping("/accountability/{code}/remind")
    @PreAuthorize("hasAnyRole('ADMIN', 'REVIEWER')")
    String remind(@PathVariable String code, Authentication authentication, RedirectAttributes redirect) {
        int told;
        try {
            told = accountability.remind(code, CurrentUser.from(authentication).orElseThrow().username());
        } catch (RegistryException e) {
            redirect.addFlashAttribute("remindRefused", e);
            return "redirect:/accountability";
        }
        redirect.addFlashAttribute("reminded", agencies.successorOn(code, agencies.today()).code());
        redirect.addFlashAttribute("told", told);
        return "redirect:/accountability";
    }

    private ProgrammeFigure figure(String key, LocalDate on) {
        return figures.publishedBy(on).stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }
}
