package vn.ndp.registry.accounts.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.CurrentUser;

/**
 * Signs people in through an OpenID Connect provider (Keycloak, a VNeID-style
 * SSO). The provider proves who they are; NDP decides what they may do: only
 * people with an NDP account get in. An account is found by the provider's
 * subject, or the first time by its verified e-mail address, which links it.
 */
class OidcAccounts extends OidcUserService {

    private final AccountRepository accounts;
    private final Clock clock;
    private final boolean linkByEmail;

    OidcAccounts(AccountRepository accounts, Clock clock,
            @Value("${ndp.security.oidc.link-by-email:true}") boolean linkByEmail) {
        this.accounts = accounts;
        this.clock = clock;
        this.linkByEmail = linkByEmail;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidc = super.loadUser(request);
        String issuer = oidc.getIssuer() == null ? request.getClientRegistration().getRegistrationId()
                : oidc.getIssuer().toString();
        Account account = accounts.findByOidc(issuer, oidc.getSubject()).orElseGet(() -> link(issuer, oidc));
        if (!account.enabled() || account.lockedAt(OffsetDateTime.now(clock))) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "The NDP account is disabled or locked.", null));
        }
        return new Principal(oidc, CurrentUser.of(account));
    }

    private Account link(String issuer, OidcUser oidc) {
        Boolean verified = oidc.getEmailVerified();
        if (linkByEmail && oidc.getEmail() != null && Boolean.TRUE.equals(verified)) {
            var byEmail = accounts.findByEmail(oidc.getEmail());
            if (byEmail.isPresent()) {
                accounts.linkOidc(byEmail.get().id(), issuer, oidc.getSubject());
                return byEmail.get();
            }
        }
        throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                "No NDP account is linked to this identity; ask the national authority's administrator.", null));
    }

    /** The provider's user with NDP's role and scope. */
    record Principal(OidcUser oidc, CurrentUser currentUser) implements OidcUser, CurrentUser.Holder {

        @Override
        public Map<String, Object> getClaims() {
            return oidc.getClaims();
        }

        @Override
        public OidcUserInfo getUserInfo() {
            return oidc.getUserInfo();
        }

        @Override
        public OidcIdToken getIdToken() {
            return oidc.getIdToken();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return oidc.getAttributes();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return currentUser.authorities();
        }

        @Override
        public String getName() {
            return currentUser.username();
        }
    }
}
