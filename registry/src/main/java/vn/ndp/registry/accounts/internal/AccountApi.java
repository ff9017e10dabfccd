package vn.ndp.registry.accounts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.Accounts;
import vn.ndp.registry.accounts.ApiTokens;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.shared.InvalidParameters.Wire;
import vn.ndp.registry.shared.ProblemApi;

@ProblemApi
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "Who you are, your API tokens; accounts (administrators)")
@SecurityRequirement(name = "bearer")
class AccountApi {

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountApi(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The account the token acts for, with its role and scope")
    Me me(Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication).orElseThrow();
        return new Me(user.username(), user.displayName(), Wire.name(user.role()), user.agencyCode(),
                user.platformCodes());
    }

    @GetMapping("/me/tokens")
    @PreAuthorize("isAuthenticated()")
    List<ApiTokens.TokenInfo> myTokens(Authentication authentication) {
        return tokens.of(CurrentUser.from(authentication).orElseThrow());
    }

    @PostMapping("/me/tokens")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue another token; its secret is in this response only")
    ApiTokens.IssuedToken issueToken(Authentication authentication, @RequestBody NewToken request) {
        return tokens.issue(CurrentUser.from(authentication).orElseThrow(), request.name(),
                ApiTokens.validity(request.days() == null ? null : String.valueOf(request.days())));
    }

    @DeleteMapping("/me/tokens/{id}")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(Authentication authentication, @PathVariable UUID id) {
        tokens.revoke(CurrentUser.from(authentication).orElseThrow(), id);
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountJson> list() {
        return accounts.all().stream().map(AccountJson::of).toList();
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    AccountJson create(Authentication authentication, @RequestBody NewAccountJson request) {
        Role role = Wire.parse(Role.class, request.role());
        Account account = accounts.create(new Accounts.NewAccount(request.username(), request.displayName(),
                request.email(), role, request.agencyCode(), request.platformCodes(), request.password(), true),
                CurrentUser.from(authentication).orElseThrow().username());
        return AccountJson.of(account);
    }

    record Me(String username, String displayName, String role, String agencyCode, Set<String> platformCodes) {
    }

    record NewToken(String name, Integer days) {
    }

    record NewAccountJson(String username, String displayName, String email, String role, String agencyCode,
            Set<String> platformCodes, String password) {
    }

    record AccountJson(UUID id, String username, String displayName, String email, String role, String agencyCode,
            Set<String> platformCodes, boolean enabled, OffsetDateTime createdAt, OffsetDateTime lastSignInAt) {

        static AccountJson of(Account a) {
            return new AccountJson(a.id(), a.username(), a.displayName(), a.email(), Wire.name(a.role()),
                    a.agencyCode(), a.platformCodes(), a.enabled(), a.createdAt(), a.lastSignInAt());
        }
    }
}
