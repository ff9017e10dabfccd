package vn.ndp.registry.exchange;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;

/**
 * A consumer asks for access to a service, with a purpose and a legal basis
 * (Decree 47/2020/NĐ-CP requires both); the provider approves or denies. An
 * approval becomes an access right in the next global configuration.
 */
@Service
public class AccessRequests {

    public enum Status {
        PENDING, APPROVED, DENIED, WITHDRAWN;

        /** The only legal moves: a pending request is decided or withdrawn, once. */
        boolean canBecome(Status next) {
            return this == PENDING && EnumSet.of(APPROVED, DENIED, WITHDRAWN).contains(next);
        }
    }

    public record AccessRequest(UUID id, String clientId, String serviceId, String method, String path,
            String purpose, String legalBasis, Status status, String requestedBy, OffsetDateTime requestedAt,
            String decidedBy, OffsetDateTime decidedAt, String reason) {
    }

    private final JdbcClient jdbc;
    private final ExchangeRegister register;
    private final AuditLog audit;
    private final Clock clock;

    AccessRequests(JdbcClient jdbc, ExchangeRegister register, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Files a pending request. Refused, with every problem under the name of the field it concerns
     * ({@code clientId}, {@code serviceId}, {@code endpoint.method}, {@code endpoint.path}, {@code purpose},
     * {@code legalBasis}), when something is missing or malformed or the client or the service is not in the
     * directory; refused with
     * {@link ErrorCode#ACCESS_REQUEST_PENDING} when the same client already waits for the same service and
     * endpoint, and with {@link ErrorCode#ACCESS_ALREADY_GRANTED} when the client already holds that right. Returns
     * the request as it was stored.
     */
    @Transactional
    public AccessRequest request(String clientId, String serviceId, DirectoryEntries.Endpoint endpoint, String purpose,
            String legalBasis, String actor) {
        List<FieldError> errors = new java.util.ArrayList<>();
        ExchangeRegister.existing("clientId", clientId, register::findSubsystem, "subsystem", errors);
        ExchangeRegister.existing("serviceId", serviceId, register::findService, "service", errors);
        if (purpose == null || purpose.isBlank() || purpose.length() > 2000) {
            errors.add(FieldError.of("purpose", "say why the data is needed (1–2000 characters)."));
        }
        if (legalBasis == null || legalBasis.isBlank() || legalBasis.length() > 500) {
            errors.add(FieldError.of("legalBasis", "name the legal document that allows the sharing (1–500 characters)."));
        }
        Optional<DirectoryEntries.Endpoint> wanted = endpoint == null ? Optional.empty()
                : ExchangeRegister.endpoint(endpoint, "endpoint.method", "endpoint.path", errors);
        if (!errors.isEmpty()) {
            throw new RegistryException(ErrorCode.INVALID_BODY, "The access request is incomplete.", errors);
        }
        String method = wanted.map(DirectoryEntries.Endpoint::method).orElse(null);
        String path = wanted.map(DirectoryEntries.Endpoint::path).orElse(null);
        // One request at a time per client and service: a second one waits here until the first is stored.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(clientId + " → " + serviceId).query().singleRow();
        refuseIfNeedless(clientId, serviceId, method, path);
        OffsetDateTime now = Moments.now(clock);
        AccessRequest request = new AccessRequest(UUID.randomUUID(), clientId, serviceId,
                method, path, purpose.strip(), legalBasis.strip(), Status.PENDING, actor, now, null, null, null);
        jdbc.sql("""
                insert into exchange_access_request (id, client_id, service_id, method, path, purpose, legal_basis,
                                                     status, requested_by, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.id(), clientId, serviceId, request.method(), request.path(), request.purpose(),
                        request.legalBasis(), Status.PENDING.name(), actor, request.requestedAt())
                .update();
        audit.record(AuditEvent.ACCESS_REQUESTED, actor, clientId + " → " + serviceId,
                Map.of("request", request.id().toString(), "legalBasis", request.legalBasis()));
        return request;
    }

    /** A request that would wait beside another one, or ask for what the client already holds, is refused. */
    private void refuseIfNeedless(String clientId, String serviceId, String method, String path) {
        String what = clientId + " → " + serviceId + (method == null ? "" : " (" + method + " " + path + ")");
        jdbc.sql("""
                select id from exchange_access_request
                where status = 'PENDING' and client_id = ? and service_id = ?
                  and method is not distinct from ? and path is not distinct from ?""")
                .params(clientId, serviceId, method, path).query(UUID.class).optional()
                .ifPresent(pending -> {
                    throw new RegistryException(ErrorCode.ACCESS_REQUEST_PENDING, "A request for " + what
                            + " is already waiting for the provider's decision (request " + pending
                            + "); withdraw it first to ask again.");
                });
        // A whole-service right (stored with method '') covers any endpoint; otherwise only the same one counts.
        boolean held = jdbc.sql("""
                select exists (select 1 from exchange_access_right
                               where client_id = ? and service_id = ? and (method = '' or method = ? and path = ?))""")
                .params(clientId, serviceId, method, path).query(Boolean.class).single();
        if (held) {
            throw new RegistryException(ErrorCode.ACCESS_ALREADY_GRANTED, "The client already holds the right "
                    + what + "; nothing needs to be requested.");
        }
    }

    public AccessRequest get(UUID id) {
        return jdbc.sql("select * from exchange_access_request where id = ?").param(id).query(AccessRequests::row)
                .optional().orElseThrow(() -> new RegistryException(ErrorCode.NOT_FOUND,
                        "No access request has the id " + id + "."));
    }

    public List<AccessRequest> find(Status status) {
        return jdbc.sql("select * from exchange_access_request where (?::text is null or status = ?) "
                        + "order by requested_at desc")
                .params(status == null ? null : status.name(), status == null ? null : status.name())
                .query(AccessRequests::row).list();
    }

    @Transactional
    public AccessRequest approve(UUID id, String actor) {
        AccessRequest request = move(id, Status.APPROVED, actor, null);
        register.grant(request.clientId(), request.serviceId(), request.method() == null ? null
                : new DirectoryEntries.Endpoint(request.method(), request.path()), id, false, actor);
        return get(id);
    }

    @Transactional
    public AccessRequest deny(UUID id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new RegistryException(ErrorCode.INVALID_BODY, "A denial needs a reason the requester can act on.",
                    List.of(FieldError.of("reason", "is required.")));
        }
        AccessRequest request = move(id, Status.DENIED, actor, reason.strip());
        audit.record(AuditEvent.ACCESS_DENIED, actor, request.clientId() + " → " + request.serviceId(),
                Map.of("request", id.toString(), "reason", reason.strip()));
        return get(id);
    }

    @Transactional
    public AccessRequest withdraw(UUID id, String actor) {
        AccessRequest request = move(id, Status.WITHDRAWN, actor, null);
        audit.record(AuditEvent.ACCESS_REQUEST_WITHDRAWN, actor, request.clientId() + " → " + request.serviceId(),
                Map.of("request", id.toString()));
        return get(id);
    }

    private AccessRequest move(UUID id, Status next, String actor, String reason) {
        AccessRequest request = get(id);
        if (!request.status().canBecome(next)) {
            throw new RegistryException(ErrorCode.ILLEGAL_TRANSITION, "The access request is " 
                    + request.status().name().toLowerCase() + "; it cannot become " + next.name().toLowerCase() + ".");
        }
        int updated = jdbc.sql("""
                update exchange_access_request set status = ?, decided_by = ?, decided_at = ?, reason = ?
                where id = ? and status = 'PENDING'""")
                .params(next.name(), actor, OffsetDateTime.now(clock), reason, id).update();
        if (updated == 0) {
            throw new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Someone decided this request a moment ago.");
        }
        return request;
    }

    static AccessRequest row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AccessRequest(rs.getObject("id", UUID.class), rs.getString("client_id"),
                rs.getString("service_id"), rs.getString("method"), rs.getString("path"), rs.getString("purpose"),
                rs.getString("legal_basis"), Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("reason"));
    }
}
