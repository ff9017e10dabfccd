package vn.ndp.registry.accounts.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.PasswordPolicy;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;

/**
 * At the first start (no administrator yet) creates the account {@code admin}:
 * with the password in {@code NDP_ADMIN_PASSWORD} if set, otherwise with a
 * one-time password printed once to the console, to be changed at first sign-in.
 */
@Component
@ConditionalOnWebApplication
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(AccountRepository accounts, PasswordEncoder passwords, PasswordPolicy policy, AuditLog audit,
            Clock clock, @Value("${NDP_ADMIN_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void createFirstAdministrator() {
        if (accounts.anyAdministrator()) {
            return;
        }
        boolean configured = !configuredPassword.isBlank();
        if (configured && policy.check(configuredPassword, "admin").isPresent()) {
            throw new IllegalStateException("NDP_ADMIN_PASSWORD " + policy.check(configuredPassword, "admin").get());
        }
        String password = configured ? configuredPassword : oneTimePassword();
        Account admin = new Account(UUID.randomUUID(), "admin", "Quản trị viên", null, Role.ADMIN, null, Set.of(),
                true, !configured, 0, null, OffsetDateTime.now(clock), null);
        accounts.insert(admin, passwords.encode(password));
        audit.record(AuditEvent.ADMINISTRATOR_BOOTSTRAPPED, "system", "admin",
                Map.of("passwordFrom", configured ? "NDP_ADMIN_PASSWORD" : "one-time"));
        if (!configured) {
            String banner = "\n================================================================\n"
                    + " First start: administrator account created.\n"
                    + "   username: admin\n"
                    + "   one-time password: " + password + "\n"
                    + " Sign in at /login and choose a new password. It is shown only once.\n"
                    + "================================================================";
            System.out.println(banner);
            log.info("Administrator 'admin' created with a one-time password (printed on the console)");
        }
    }

    private static String oneTimePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
