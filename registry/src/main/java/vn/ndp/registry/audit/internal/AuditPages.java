package vn.ndp.registry.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.Pagination;
import vn.ndp.registry.shared.web.WebPage;

@WebPage
class AuditPages {

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(HttpServletRequest request, Model model) {
        InvalidParameters params = new InvalidParameters();
        AuditLog.Filter filter = new AuditLog.Filter(
                params.choice("event", request.getParameter("event"), AuditEvent.class),
                request.getParameter("actor"), request.getParameter("subject"),
                params.date("from", request.getParameter("from")), params.date("to", request.getParameter("to")));
        int page = params.integer("page", request.getParameter("page"), 1, 1, 100_000);
        params.throwIfAny();
        int size = 50;
        long total = audit.count(filter);
        model.addAttribute("entries", audit.find(filter, size, (page - 1) * size));
        model.addAttribute("total", total);
        Links here = Links.to("/admin/audit");
        for (String name : List.of("event", "actor", "subject", "from", "to")) {
            here = here.with(name, request.getParameter(name));
        }
        model.addAttribute("pages", Pagination.of(page, (int) Math.max(1, (total + size - 1) / size), here));
        model.addAttribute("filter", filter);
        model.addAttribute("events", AuditEvent.values());
        return "accounts/audit";
    }
}
