package vn.ndp.registry.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.ProblemApi;

@ProblemApi
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Audit events, newest first (administrators)")
    Page find(@RequestParam(required = false) String event, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        InvalidParameters params = new InvalidParameters();
        AuditLog.Filter filter = new AuditLog.Filter(params.choice("event", event, AuditEvent.class), actor, subject,
                params.date("from", from), params.date("to", to));
        int p = params.integer("page", page, 1, 1, Paging.MAX_PAGE);
        int s = params.integer("size", size, 50, 1, 500);
        params.throwIfAny();
        return new Page(audit.find(filter, s, (p - 1) * s), audit.count(filter), p, s);
    }

    record Page(List<AuditLog.Entry> items, long total, int page, int size) {
    }
}
