package vn.ndp.registry.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is making the request, with the scope the server enforces. Held as the
 * principal of every authenticated request, whatever the sign-in method.
 */
public record CurrentUser(UUID accountId, String username, String displayName, Role role, String agencyCode,
        Set<String> platformCodes) {

    public CurrentUser {
        platformCodes = platformCodes == null ? Set.of() : Set.copyOf(platformCodes);
    }

    public static CurrentUser of(Account account) {
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.role(),
                account.agencyCode(), account.platformCodes());
    }

    public Collection<? extends GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    /** The signed-in account behind an authentication, whatever the sign-in method. */
    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Holder holder) {
            return Optional.of(holder.currentUser());
        }
        return Optional.empty();
    }

    /** Implemented by every principal NDP puts in the security context. */
    public interface Holder {
        CurrentUser currentUser();
    }
}
