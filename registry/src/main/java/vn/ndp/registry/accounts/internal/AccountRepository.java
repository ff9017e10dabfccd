package vn.ndp.registry.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Role;

@Repository
public class AccountRepository {

    private static final String SELECT = """
            select a.*, coalesce(array_agg(p.platform_code) filter (where p.platform_code is not null), '{}')
                   as platform_codes
            from account a left join account_platform p on p.account_id = a.id
            """;

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql(SELECT + " where a.username = ? group by a.id").param(username)
                .query(AccountRepository::account).optional();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql(SELECT + " where a.id = ? group by a.id").param(id).query(AccountRepository::account)
                .optional();
    }

    public Optional<Account> findByOidc(String issuer, String subject) {
        return jdbc.sql(SELECT + " where a.oidc_issuer = ? and a.oidc_subject = ? group by a.id")
                .params(issuer, subject).query(AccountRepository::account).optional();
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql(SELECT + " where lower(a.email) = lower(?) group by a.id").param(email)
                .query(AccountRepository::account).optional();
    }

    public List<Account> findAll() {
        return jdbc.sql(SELECT + " group by a.id order by a.username").query(AccountRepository::account).list();
    }

    public Optional<String> displayName(String username) {
        return jdbc.sql("select display_name from account where username = ?").param(username).query(String.class)
                .optional();
    }

    public Optional<String> passwordHash(UUID id) {
        return jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).optional();
    }

    /** What a signed-in session must know of its account at each request; a removed account is a disabled one. */
    public record SessionState(boolean enabled, boolean mustChangePassword) {
    }

    public SessionState sessionState(UUID id) {
        return jdbc.sql("select enabled, must_change_password from account where id = ?").param(id)
                .query((row, n) -> new SessionState(row.getBoolean(1), row.getBoolean(2))).optional()
                .orElse(new SessionState(false, false));
    }

    public boolean anyAdministrator() {
        return jdbc.sql("select exists (select 1 from account where role = 'ADMIN' and enabled)")
                .query(Boolean.class).single();
    }

    public void insert(Account a, String passwordHash) {
        jdbc.sql("""
                insert into account (id, username, display_name, email, password_hash, role, agency_code, enabled,
                                     must_change_password, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.username(), a.displayName(), a.email(), passwordHash, a.role().name(),
                        a.agencyCode(), a.enabled(), a.mustChangePassword(), a.createdAt())
                .update();
        replacePlatforms(a.id(), a.platformCodes());
    }

    public void update(Account a) {
        jdbc.sql("""
                update account set display_name = ?, email = ?, role = ?, agency_code = ?, enabled = ?
                where id = ?""")
                .params(a.displayName(), a.email(), a.role().name(), a.agencyCode(), a.enabled(), a.id())
                .update();
        replacePlatforms(a.id(), a.platformCodes());
    }

    private void replacePlatforms(UUID id, Set<String> platformCodes) {
        jdbc.sql("delete from account_platform where account_id = ?").param(id).update();
        for (String code : platformCodes) {
            jdbc.sql("insert into account_platform (account_id, platform_code) values (?, ?)").params(id, code)
                    .update();
        }
    }

    public void setPassword(UUID id, String hash, boolean mustChange) {
        jdbc.sql("update account set password_hash = ?, must_change_password = ? where id = ?")
                .params(hash, mustChange, id).update();
    }

    public void linkOidc(UUID id, String issuer, String subject) {
        jdbc.sql("update account set oidc_issuer = ?, oidc_subject = ? where id = ?").params(issuer, subject, id)
                .update();
    }

    /** Counts a failed sign-in; returns the new count. */
    public int recordFailure(UUID id) {
        return jdbc.sql("update account set failed_attempts = failed_attempts + 1 where id = ? returning failed_attempts")
                .param(id).query(Integer.class).single();
    }

    public void lockUntil(UUID id, OffsetDateTime until) {
        jdbc.sql("update account set locked_until = ?, failed_attempts = 0 where id = ?").params(until, id).update();
    }

    /** Records a sign-in at {@code at}, keeping the one before as the previous sign-in. */
    public void recordSignIn(UUID id, OffsetDateTime at) {
        jdbc.sql("""
                update account set failed_attempts = 0, locked_until = null, previous_sign_in_at = last_sign_in_at,
                    last_sign_in_at = ?
                where id = ?""").params(at, id).update();
    }

    /** The sign-in before the last one, if any: for the person signed in now, the one before theirs. */
    public Optional<OffsetDateTime> previousSignIn(UUID id) {
        return jdbc.sql("select previous_sign_in_at from account where id = ?").param(id)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).optional()
                .flatMap(previous -> previous);
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        Set<String> platforms = new HashSet<>(List.of((String[]) rs.getArray("platform_codes").getArray()));
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getString("agency_code"), platforms,
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_sign_in_at", OffsetDateTime.class));
    }
}
