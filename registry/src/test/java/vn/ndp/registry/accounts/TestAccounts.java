package vn.ndp.registry.accounts;

import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates accounts with unique usernames for tests sharing one database. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final TransactionTemplate transaction;

    public TestAccounts(Accounts accounts, ApiTokens tokens, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.transaction = transaction;
    }

    public Account create(Role role, String agencyCode, String... platformCodes) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        return transaction.execute(status -> accounts.create(new Accounts.NewAccount(username, "Người kiểm thử " + username,
                username + "@example.test", role, agencyCode, Set.of(platformCodes), PASSWORD), "test"));
    }

    /** A bearer token acting for a new account of the role. */
    public String token(Role role, String agencyCode, String... platformCodes) {
        Account account = create(role, agencyCode, platformCodes);
        return transaction.execute(status -> tokens.issue(CurrentUser.of(account), "test", null).secret());
    }
}
