package vn.ndp.registry.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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

    /** Records the event; a null value of {@code detail} is left out (the event had none: an account's agency). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event, String actor, String subject, Map<String, ?> detail) {
        repository.append(OffsetDateTime.now(clock), event, actor, subject, present(detail), RemoteAddress.current());
    }

    /** For events outside any business transaction (sign-in attempts). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(AuditEvent event, String actor, String subject, Map<String, ?> detail) {
        repository.append(OffsetDateTime.now(clock), event, actor, subject, present(detail), RemoteAddress.current());
    }

    private static Map<String, ?> present(Map<String, ?> detail) {
        if (detail == null) {
            return null;
        }
        Map<String, Object> present = new LinkedHashMap<>();
        detail.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        return present;
    }

    public List<Entry> find(Filter filter, int limit, int offset) {
        return repository.find(filter, limit, offset);
    }

    public long count(Filter filter) {
        return repository.count(filter);
    }
}
