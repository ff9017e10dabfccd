package vn.ndp.registry.exchange.internal;

import java.util.HashMap;
import java.util.Map;
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
                return judge(user).canDecide(requests.get(requestId));
            } catch (RegistryException notFound) {
                return user.is(Role.ADMIN);
            }
        }).orElse(false);
    }

    public boolean canWithdraw(Authentication authentication, UUID requestId) {
        return CurrentUser.from(authentication).map(user -> {
            try {
                return judge(user).canWithdraw(requests.get(requestId));
            } catch (RegistryException notFound) {
                return user.is(Role.ADMIN);
            }
        }).orElse(false);
    }

    /** The same rules for one user over many requests and subsystems (pages that list many): each looked up once. */
    Judge judge(CurrentUser user) {
        return new Judge(user);
    }

    final class Judge {
        private final CurrentUser user;
        private final Map<String, Boolean> speaks = new HashMap<>();
        private Map<String, String> providers;

        private Judge(CurrentUser user) {
            this.user = user;
        }

        boolean canRequestFor(String clientId) {
            return user.is(Role.ADMIN) || speaksFor(clientId);
        }

        /** The provider's side decides (an unknown service: only an administrator). */
        boolean canDecide(AccessRequests.AccessRequest request) {
            if (user.is(Role.ADMIN)) {
                return true;
            }
            if (providers == null) {
                providers = new HashMap<>();
                register.services().forEach(service -> providers.put(service.id(), service.subsystemId()));
            }
            String provider = providers.get(request.serviceId());
            return provider != null && speaksFor(provider);
        }

        boolean canWithdraw(AccessRequests.AccessRequest request) {
            return user.is(Role.ADMIN) || speaksFor(request.clientId());
        }

        /** An administrator or a reviewer sees every request. */
        boolean seesAll() {
            return user.is(Role.ADMIN) || user.is(Role.REVIEWER);
        }

        /**
         * Whether the user sees the request, whatever its status: every one ({@link #seesAll()}), or the ones they
         * made, the ones for their systems (which they may withdraw) and the ones for their services (which they
         * decide), decided ones included. The API lists these; the page shows them, sorted by what the user may do.
         */
        boolean sees(AccessRequests.AccessRequest request) {
            return seesAll() || request.requestedBy().equals(user.username()) || canWithdraw(request)
                    || canDecide(request);
        }

        private boolean speaksFor(String subsystemId) {
            return speaks.computeIfAbsent(subsystemId, id -> ExchangeScopes.this.speaksFor(user, id));
        }
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
