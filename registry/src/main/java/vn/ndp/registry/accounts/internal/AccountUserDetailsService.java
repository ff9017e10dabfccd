package vn.ndp.registry.accounts.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.ndp.registry.accounts.CurrentUser;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByUsername(username == null ? "" : username.strip().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        String hash = accounts.passwordHash(account.id())
                .orElseThrow(() -> new UsernameNotFoundException("The account signs in through OpenID Connect only"));
        return new AccountPrincipal(CurrentUser.of(account), hash, account.enabled(),
                account.lockedAt(OffsetDateTime.now(clock)));
    }
}
