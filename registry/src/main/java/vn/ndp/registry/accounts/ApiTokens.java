package vn.ndp.registry.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.protocol.evidence.Hashes;
import vn.ndp.registry.accounts.internal.AccountRepository;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException;

/**
 * Personal API tokens for machine access: {@code Authorization: Bearer ndp_...}.
 * The token is shown once when issued; only its SHA-256 is stored. A token acts
 * with its account's role and scope and stops working when revoked, expired or
 * when the account is disabled.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "ndp_";
    /** How long a token is valid when its owner does not say. */
    public static final int DEFAULT_DAYS = 90;
    /** The longest validity that can be asked for; 0 asks for a token that does not expire. */
    public static final int MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AccountRepository accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public record TokenInfo(UUID id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

        public boolean activeAt(OffsetDateTime time) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(time));
        }
    }

    /** The token's secret appears only here. */
    public record IssuedToken(TokenInfo info, String secret) {
    }

    /**
     * The validity of a token asked for {@code days} days, the same rule on the page and in the API: blank is
     * {@link #DEFAULT_DAYS}, 0 is a token that does not expire, anything outside 0 to {@link #MAX_DAYS} is refused.
     */
    public static Duration validity(String days) {
        InvalidParameters invalid = new InvalidParameters();
        int valid = invalid.integer("days", days, DEFAULT_DAYS, 0, MAX_DAYS);
        invalid.throwIfAny();
        return valid == 0 ? null : Duration.ofDays(valid);
    }

    @Transactional
    public IssuedToken issue(CurrentUser owner, String name, Duration validity) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new RegistryException(ErrorCode.INVALID_BODY, "A token needs a name of 1–100 characters.",
                    List.of(RegistryException.FieldError.of("name", "1–100 characters.")));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime now = Moments.now(clock);
        TokenInfo info = new TokenInfo(UUID.randomUUID(), name.strip(), now,
                validity == null ? null : now.plus(validity), null, null);
        jdbc.sql("""
                insert into api_token (id, account_id, name, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(info.id(), owner.accountId(), info.name(), hash(secret), now, info.expiresAt())
                .update();
        audit.record(AuditEvent.API_TOKEN_ISSUED, owner.username(), owner.username(),
                Map.of("token", info.id().toString(), "name", info.name()));
        return new IssuedToken(info, secret);
    }

    public List<TokenInfo> of(CurrentUser owner) {
        return jdbc.sql("select * from api_token where account_id = ? order by created_at desc")
                .param(owner.accountId())
                .query((rs, n) -> new TokenInfo(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the owner's tokens; another account's token id is "not found", never revealed. */
    @Transactional
    public void revoke(CurrentUser owner, UUID tokenId) {
        int updated = jdbc.sql("""
                update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null""")
                .params(OffsetDateTime.now(clock), tokenId, owner.accountId()).update();
        if (updated == 0) {
            throw new RegistryException(ErrorCode.TOKEN_NOT_FOUND, "You have no active token with the id " + tokenId);
        }
        audit.record(AuditEvent.API_TOKEN_REVOKED, owner.username(), owner.username(),
                Map.of("token", tokenId.toString()));
    }

    /** The account a presented token acts for, if the token is valid now. */
    public Optional<CurrentUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<UUID> accountId = jdbc.sql("""
                update api_token set last_used_at = ?
                where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)
                returning account_id""")
                .params(now, hash(secret), now).query(UUID.class).optional();
        return accountId.flatMap(accounts::findById)
                .filter(account -> account.enabled() && !account.lockedAt(now))
                .map(CurrentUser::of);
    }

    static String hash(String secret) {
        return Hashes.sha256Hex(secret);
    }
}
