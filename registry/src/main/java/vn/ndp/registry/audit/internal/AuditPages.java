package vn.ndp.registry.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
        Paging paging = new Paging(params.integer("page", request.getParameter("page"), 1, 1, Paging.MAX_PAGE), 50);
        params.throwIfAny();
        ResultPage<AuditLog.Entry> found = ResultPage.fetch(paging, audit.count(filter),
                (limit, offset) -> audit.find(filter, limit, offset));
        model.addAttribute("entries", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("pages", Pagination.of(found.page(), found.pages(),
                Links.from("/admin/audit", request, List.of("event", "actor", "subject", "from", "to"))));
        model.addAttribute("filter", filter);
        model.addAttribute("events", AuditEvent.values());
        return "accounts/audit";
    }
}
