package vn.ndp.registry.lists.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.lists.ListVersion;
import vn.ndp.registry.lists.OfficialLists;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.web.WebPage;

/** Public pages of the official list versions, and the administrator's publish form. */
@WebPage
class ListPages {

    private final OfficialLists lists;

    ListPages(OfficialLists lists) {
        this.lists = lists;
    }

    /** What the administrator typed, shown again when publishing failed. */
    record Form(String title, String documentNumber, String documentDate, String issuer, String note,
            List<String> statuses) {
    }

    @GetMapping("/lists")
    String all(Model model) {
        model.addAttribute("versions", lists.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form(null, null, null, null, null,
                    lists.defaultStatuses().stream().sorted().map(Wire::name).toList()));
        }
        model.addAttribute("statuses", Wire.values(LifecycleStatus.class));
        return "lists/index";
    }

    @GetMapping("/lists/" + ListApi.ID)
    String version(@PathVariable UUID id, Model model) {
        ListVersion version = lists.get(id);
        model.addAttribute("version", version);
        model.addAttribute("entries", lists.entries(id));
        model.addAttribute("others", lists.all().stream().filter(v -> !v.id().equals(id)).toList());
        return "lists/version";
    }

    @GetMapping("/lists/" + ListApi.ID + "/diff")
    String diff(@PathVariable UUID id, @RequestParam(required = false) String against, Model model) {
        model.addAttribute("diff", lists.diff(id, ListApi.parseAgainst(against)));
        return "lists/diff";
    }

    /**
     * Publishes what the administrator filled in. A version dated before today leaves out the platforms of its
     * statuses whose listing date is unknown, and a published version cannot be changed: so when some would be left
     * out, the form comes back naming them and asks to publish without them ({@code undated}: the codes confirmed),
     * leaving the administrator the choice to give them a listing date first. It asks again if others would be left
     * out than those confirmed.
     */
    @PostMapping("/lists")
    @PreAuthorize("hasRole('ADMIN')")
    String publish(Authentication authentication, @RequestParam(required = false) String title,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) String documentDate, @RequestParam(required = false) String issuer,
            @RequestParam(required = false) String note, @RequestParam(required = false) List<String> statuses,
            @RequestParam(required = false) List<String> undated, Model model, RedirectAttributes redirect) {
        Form form = new Form(title, documentNumber, documentDate, issuer, note,
                statuses == null ? List.of() : statuses);
        try {
            InvalidParameters params = new InvalidParameters();
            Set<LifecycleStatus> chosen = EnumSet.noneOf(LifecycleStatus.class);
            for (String name : form.statuses()) {
                LifecycleStatus status = params.choice("statuses", name, LifecycleStatus.class);
                if (status != null) {
                    chosen.add(status);
                }
            }
            if (form.statuses().isEmpty()) {
                // the form shows every status; none ticked is a choice to be made, not the API's default
                params.reject("statuses", "tick at least one status.",
                        RegistryException.Said.of("lists.publish.error.field.statuses.none"));
            }
            var date = params.date("documentDate", documentDate);
            params.throwIfAny();
            OfficialLists.Publication publication = new OfficialLists.Publication(title, documentNumber, date, issuer,
                    note, chosen);
            OfficialLists.Draft draft = lists.draft(publication);
            Set<String> confirmed = undated == null ? Set.of() : Set.copyOf(undated);
            if (!draft.undated().stream().allMatch(u -> confirmed.contains(u.platformCode()))) {
                model.addAttribute("form", form);
                model.addAttribute("draft", draft);
                return all(model);
            }
            ListVersion version = lists.publish(publication, CurrentUser.from(authentication).orElseThrow().username());
            redirect.addFlashAttribute("notice", "published");
            return "redirect:/lists/" + version.id();
        } catch (RegistryException e) {
            model.addAttribute("problem", e);
            model.addAttribute("form", form);
            return all(model);
        }
    }
}
