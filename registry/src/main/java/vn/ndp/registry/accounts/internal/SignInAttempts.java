package vn.ndp.registry.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;

/** Audits sign-ins and locks an account after repeated failures. */
@Component
class SignInAttempts {

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration lockout;

    SignInAttempts(AccountRepository accounts, AuditLog audit, Clock clock,
            @Value("${ndp.security.lockout.max-attempts:5}") int maxAttempts,
            @Value("${ndp.security.lockout.duration:15m}") Duration lockout) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.lockout = lockout;
    }

    @EventListener
    @Transactional
    public void succeeded(InteractiveAuthenticationSuccessEvent event) {
        CurrentUser.from(event.getAuthentication()).ifPresent(user -> {
            accounts.recordSignIn(user.accountId(), OffsetDateTime.now(clock));
            audit.record(AuditEvent.SIGN_IN_SUCCEEDED, user.username(), user.username(),
                    Map.of("method", event.getAuthentication().getClass().getSimpleName()));
        });
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase();
        String reason = event.getException().getClass().getSimpleName();
        audit.record(AuditEvent.SIGN_IN_FAILED, username, username, Map.of("reason", reason));
        accounts.findByUsername(username).ifPresent(account -> {
            if (!"BadCredentialsException".equals(reason)) {
                return;
            }
            int failures = accounts.recordFailure(account.id());
            if (failures >= maxAttempts) {
                accounts.lockUntil(account.id(), OffsetDateTime.now(clock).plus(lockout));
                audit.record(AuditEvent.ACCOUNT_LOCKED, username, username,
                        Map.of("failures", failures, "minutes", lockout.toMinutes()));
            }
        });
    }
}
