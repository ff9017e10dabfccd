package vn.ndp.registry.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.audit.internal.AuditRepository;

/**
 * Records audit events. Call it inside the transaction that makes the change,
 * so the change and its record commit together or not at all.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record Entry(long id, OffsetDateTime occurredAt, AuditEvent event, String actor, String subject,
            Map<String, Object> detail, String remoteAddress) {
    }

    public record Filter(AuditEvent event, String actor, String subject, LocalDate from, LocalDate to) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event, String actor, String subject, Map<String, ?> detail) {
        repository.append(OffsetDateTime.now(clock), event, actor, subject, detail, RemoteAddress.current());
    }

    /** For events outside any business transaction (sign-in attempts). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(AuditEvent event, String actor, String subject, Map<String, ?> detail) {
        repository.append(OffsetDateTime.now(clock), event, actor, subject, detail, RemoteAddress.current());
    }

    public List<Entry> find(Filter filter, int limit, int offset) {
        return repository.find(filter, limit, offset);
    }

    public long count(Filter filter) {
        return repository.count(filter);
    }
}
