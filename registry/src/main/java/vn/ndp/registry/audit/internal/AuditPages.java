package vn.ndp.registry.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.ResultPage;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.Pagination;
import vn.ndp.registry.shared.web.WebPage;

@WebPage
class AuditPages {

    private static final List<String> FILTERS = List.of("event", "actor", "subject", "from", "to");
    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    /** The filters as typed, to fill the form again (a refused date stays as it was typed). */
    record Filters(String event, String actor, String subject, String from, String to) {

        static Filters of(HttpServletRequest request) {
            return new Filters(request.getParameter("event"), request.getParameter("actor"),
                    request.getParameter("subject"), request.getParameter("from"), request.getParameter("to"));
        }
    }

    /** One entry as the table shows it, its detail value by value. */
    record Row(AuditLog.Entry entry, List<Detail> details) {

        static Row of(AuditLog.Entry entry) {
            return new Row(entry, entry.detail() == null ? List.of() : entry.detail().entrySet().stream()
                    .filter(e -> !text(e.getValue()).isBlank() && !"null".equals(e.getValue()))
                    .map(e -> new Detail(e.getKey(), text(e.getValue()),
                            e.getValue() instanceof Boolean yes ? yes : null))
                    .toList());
        }
    }

    /**
     * One value of an entry's detail, by its stored name ({@code role}): its text, lists joined with commas, without
     * the stored list's notation; {@code yes} for a yes/no value, else null. Empty values are left out, and so is the
     * text {@code null}, which older entries hold for a value their event lacked (an account's agency).
     */
    record Detail(String name, String text, Boolean yes) {

        /** The details that quote what a person typed (in Vietnamese, as the registry's records are kept). */
        private static final Set<String> TYPED = Set.of("reason", "note", "title", "legal_basis", "legalBasis",
                "issuer", "purpose");

        /** Whether the value quotes typed text, which an English page marks as Vietnamese (unless said in words). */
        public boolean typed() {
            return yes == null && TYPED.contains(name);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Collection<?> values -> values.stream().map(AuditPages::text).collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }

    /** Bad filters are shown above the filter form, which keeps them; nothing is searched then. */
    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(HttpServletRequest request, Model model) {
        Filters typed = Filters.of(request);
        Pagination.intoModel(model, "entries", Links.from("/admin/audit", request, FILTERS), () -> {
            InvalidParameters params = new InvalidParameters();
            AuditLog.Filter filter = new AuditLog.Filter(params.choice("event", typed.event(), AuditEvent.class),
                    typed.actor(), typed.subject(), params.date("from", typed.from()), params.date("to", typed.to()));
            Paging paging = new Paging(params.integer("page", request.getParameter("page"), 1, 1, Paging.MAX_PAGE),
                    PAGE_SIZE);
            params.throwIfAny();
            return ResultPage.fetch(paging, audit.count(filter), (limit, offset) -> audit.find(filter, limit, offset));
        }, entries -> entries.stream().map(Row::of).toList());
        model.addAttribute("filters", typed);
        model.addAttribute("events", AuditEvent.values());
        return "accounts/audit";
    }
}
