package vn.ndp.registry.exchange.internal;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.Scopes;
import vn.ndp.registry.exchange.AccessRequests;
import vn.ndp.registry.exchange.ExchangeRegister;
import vn.ndp.registry.shared.RegistryException;

/**
 * Who may act on the exchange: a consumer's editors request access for their
 * own subsystems; the provider's editors (or its platform's operators) decide.
 * Used as {@code @exchangeScopes} in {@code @PreAuthorize}.
 */
@Component("exchangeScopes")
class ExchangeScopes {

    private final ExchangeRegister register;
    private final AccessRequests requests;
    private final Scopes scopes;

    ExchangeScopes(ExchangeRegister register, AccessRequests requests, Scopes scopes) {
        this.register = register;
        this.requests = requests;
        this.scopes = scopes;
    }

    public boolean canRequestFor(Authentication authentication, String clientId) {
        return CurrentUser.from(authentication).map(user -> speaksFor(user, clientId)).orElse(false);
    }

    public boolean canDecide(Authentication authentication, UUID requestId) {
        return CurrentUser.from(authentication).map(user -> {
            try {
                return canDecide(user, requests.get(requestId));
            } catch (RegistryException notFound) {
                return user.is(Role.ADMIN);
            }
        }).orElse(false);
    }

    /** As {@link #canDecide(Authentication, UUID)}, for a request already loaded (pages that list many). */
    boolean canDecide(CurrentUser user, AccessRequests.AccessRequest request) {
        try {
            return user.is(Role.ADMIN) || speaksFor(user, register.service(request.serviceId()).subsystemId());
        } catch (RegistryException unknownService) {
            return user.is(Role.ADMIN);
        }
    }

    public boolean canWithdraw(Authentication authentication, UUID requestId) {
        return CurrentUser.from(authentication).map(user -> {
            try {
                return canWithdraw(user, requests.get(requestId));
            } catch (RegistryException notFound) {
                return user.is(Role.ADMIN);
            }
        }).orElse(false);
    }

    /** As {@link #canWithdraw(Authentication, UUID)}, for a request already loaded. */
    boolean canWithdraw(CurrentUser user, AccessRequests.AccessRequest request) {
        return user.is(Role.ADMIN) || speaksFor(user, request.clientId());
    }

    /** An editor of the subsystem's agency, or an operator of the subsystem's platform. */
    private boolean speaksFor(CurrentUser user, String subsystemId) {
        try {
            var subsystem = register.subsystem(subsystemId);
            String agency = register.member(subsystem.memberId()).agencyCode();
            if (user.is(Role.OPERATOR)) {
                return subsystem.platformCode() != null && user.platformCodes().contains(subsystem.platformCode());
            }
            return user.role().scopedToAgency() && agency != null && scopes.actsFor(user, agency);
        } catch (RegistryException notFound) {
            return false;
        }
    }
}
