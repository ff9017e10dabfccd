package vn.ndp.registry.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.accounts.internal.AccountRepository;
import vn.ndp.registry.agencies.Agencies;

/** Creates accounts with unique usernames for tests sharing one database. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final TransactionTemplate transaction;
    private final UserDetailsService users;
    private final AccountRepository repository;
    private final PasswordEncoder passwords;
    private final Agencies agencies;

    public TestAccounts(Accounts accounts, ApiTokens tokens, TransactionTemplate transaction, UserDetailsService users,
            AccountRepository repository, PasswordEncoder passwords, Agencies agencies) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.transaction = transaction;
        this.users = users;
        this.repository = repository;
        this.passwords = passwords;
        this.agencies = agencies;
    }

    public Account create(Role role, String agencyCode, String... platformCodes) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        return transaction.execute(status -> accounts.create(new Accounts.NewAccount(username, displayName(username),
                username + "@example.test", role, agencyCode, Set.of(platformCodes), PASSWORD), "test"));
    }

    /**
     * An account of an agency that has since ended (merged away), as it was created on the agency's last day: the
     * registry no longer creates accounts for such an agency, but keeps the ones it had working.
     */
    public Account createdBeforeItEnded(Role role, String agencyCode) {
        String username = role.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        LocalDate lastDay = agencies.get(agencyCode).validTo();
        Account account = new Account(UUID.randomUUID(), username, displayName(username), username + "@example.test",
                role, agencyCode, Set.of(), true, false, 0, null,
                lastDay.atTime(9, 0).atOffset(ZoneOffset.ofHours(7)), null);
        transaction.executeWithoutResult(status -> repository.insert(account, passwords.encode(PASSWORD)));
        return account;
    }

    /** A bearer token acting for {@code account}. */
    public String token(Account account) {
        return transaction.execute(status -> tokens.issue(CurrentUser.of(account), "test", null).secret());
    }

    /** The display name of the accounts made here. */
    public static String displayName(String username) {
        return "Người kiểm thử " + username;
    }

    /** How pages name the person of such an account ({@code @people.name}): display name, then username. */
    public static String shownName(String username) {
        return displayName(username) + " (" + username + ")";
    }

    /** A bearer token acting for a new account of the role. */
    public String token(Role role, String agencyCode, String... platformCodes) {
        return token(create(role, agencyCode, platformCodes));
    }

    /** A new account of the role, signed in as pages see it (for MockMvc's {@code user(...)}). */
    public UserDetails signedIn(Role role, String agencyCode, String... platformCodes) {
        return signedIn(create(role, agencyCode, platformCodes));
    }

    /** {@code account} signed in as pages see it. */
    public UserDetails signedIn(Account account) {
        return users.loadUserByUsername(account.username());
    }

    /** Signs in through the sign-in form, as a browser does, and returns the session; it lands on the home page. */
    public static MockHttpSession signIn(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", password))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    /** The same with the password of the accounts made here. */
    public static MockHttpSession signIn(MockMvc mvc, Account account) throws Exception {
        return signIn(mvc, account.username(), PASSWORD);
    }
}
