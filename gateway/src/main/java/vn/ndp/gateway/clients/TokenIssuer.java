package vn.ndp.gateway.clients;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * Issues and checks the short-lived opaque bearer tokens of the gateway's OAuth2 token endpoint.
 * A token is 256 random bits, bound to the one subsystem its client was configured for, and kept
 * in memory only: a restart or a second node behind a load balancer asks clients for a new token
 * (see docs/adr/0005-gateway-data-plane.md).
 */
public final class TokenIssuer {

    /** An issued token. */
    public record IssuedToken(String value, SubsystemId subsystem, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LIVE_TOKENS = 100_000;

    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

    public TokenIssuer(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public IssuedToken issue(SubsystemId subsystem) {
        if (tokens.size() >= MAX_LIVE_TOKENS) {
            forgetExpired();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        IssuedToken token = new IssuedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), subsystem,
                clock.instant().plus(lifetime));
        tokens.put(token.value(), token);
        return token;
    }

    /** The subsystem a live token is bound to; empty for an unknown or expired token. */
    public Optional<SubsystemId> subsystemOf(String token) {
        IssuedToken issued = token == null ? null : tokens.get(token);
        if (issued == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            tokens.remove(token);
            return Optional.empty();
        }
        return Optional.of(issued.subsystem());
    }

    /**
     * Forgets every token issued to {@code subsystems} (local systems a reloaded configuration no longer serves), to
     * free their memory: the consumer side refuses a token whose subsystem is not served, whenever it was issued.
     */
    public void forget(Set<SubsystemId> subsystems) {
        tokens.values().removeIf(token -> subsystems.contains(token.subsystem()));
    }

    public Duration lifetime() {
        return lifetime;
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        tokens.values().removeIf(token -> !now.isBefore(token.expiresAt()));
    }
}
