package vn.ndp.registry.accounts;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A person (or service) that can sign in. {@code agencyCode} scopes editors; {@code platformCodes} operators. */
public record Account(
        UUID id,
        String username,
        String displayName,
        String email,
        Role role,
        String agencyCode,
        Set<String> platformCodes,
        boolean enabled,
        boolean mustChangePassword,
        int failedAttempts,
        OffsetDateTime lockedUntil,
        OffsetDateTime createdAt,
        OffsetDateTime lastSignInAt) {

    public Account {
        platformCodes = platformCodes == null ? Set.of() : Set.copyOf(platformCodes);
    }

    public boolean lockedAt(OffsetDateTime time) {
        return lockedUntil != null && lockedUntil.isAfter(time);
    }
}
