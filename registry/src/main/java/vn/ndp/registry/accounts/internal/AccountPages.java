package vn.ndp.registry.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import vn.ndp.registry.shared.web.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ndp.registry.accounts.Accounts;
import vn.ndp.registry.accounts.ApiTokens;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.RegistryException;

/** Sign-in, one's own password and API tokens, and the administrator's account list. */
@WebPage
class AccountPages {


    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Agencies agencies;
    private final ObjectProvider<ClientRegistrationRepository> oidcProviders;

    AccountPages(Accounts accounts, ApiTokens tokens, Agencies agencies,
            ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.agencies = agencies;
        this.oidcProviders = oidcProviders;
    }

    /**
     * Public: the sign-in form, with a button per configured OpenID Connect provider; after a failed sign-in, with
     * the username typed.
     */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("username", SecurityConfiguration.UsernameKept.take(request.getSession(false)));
        var providers = new java.util.ArrayList<ClientRegistration>();
        if (oidcProviders.getIfAvailable() instanceof InMemoryClientRegistrationRepository repository) {
            repository.forEach(providers::add);
        }
        model.addAttribute("providers", providers);
        return "accounts/login";
    }

    @GetMapping("/account")
    @PreAuthorize("isAuthenticated()")
    String account(Authentication authentication, Model model) {
        return accountPage(user(authentication), new TokenForm(null, String.valueOf(ApiTokens.DEFAULT_DAYS)), null,
                model);
    }

    private String accountPage(CurrentUser user, TokenForm tokenForm, RegistryException tokenError, Model model) {
        model.addAttribute("account", accounts.get(user.accountId()));
        model.addAttribute("previousSignInAt", accounts.previousSignIn(user.accountId()).orElse(null));
        model.addAttribute("tokens", tokens.of(user));
        model.addAttribute("agency", user.agencyCode() == null ? null : agencies.find(user.agencyCode()).orElse(null));
        model.addAttribute("tokenForm", tokenForm);
        model.addAttribute("tokenError", tokenError);
        return "accounts/account";
    }

    @GetMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String passwordForm(Authentication authentication, Model model) {
        model.addAttribute("account", accounts.get(user(authentication).accountId()));
        return "accounts/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String changePassword(Authentication authentication, @RequestParam String currentPassword,
            @RequestParam String newPassword, Model model, RedirectAttributes redirect) {
        try {
            accounts.changePassword(user(authentication).accountId(), currentPassword, newPassword);
        } catch (RegistryException e) {
            model.addAttribute("account", accounts.get(user(authentication).accountId()));
            model.addAttribute("problem", e);
            return "accounts/password";
        }
        redirect.addFlashAttribute("notice", "password-changed");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String issueToken(Authentication authentication, @RequestParam(required = false) String name,
            @RequestParam(required = false) String days, Model model, RedirectAttributes redirect) {
        CurrentUser user = user(authentication);
        try {
            var issued = tokens.issue(user, name, ApiTokens.validity(days));
            redirect.addFlashAttribute("issuedToken", issued);
            return "redirect:/account";
        } catch (RegistryException e) {
            return accountPage(user, new TokenForm(name, days), e, model);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revokeToken(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(user(authentication), id);
        redirect.addFlashAttribute("notice", "token-revoked");
        return "redirect:/account";
    }

    @GetMapping("/admin/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String accountList(Authentication authentication, Model model) {
        accountListModel(authentication, model);
        return "accounts/admin-accounts";
    }

    private void accountListModel(Authentication authentication, Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("me", user(authentication).accountId());
    }

    @PostMapping("/admin/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String createAccount(Authentication authentication, @RequestParam String username,
            @RequestParam String displayName, @RequestParam(required = false) String email,
            @RequestParam(required = false) String role, @RequestParam(required = false) String agencyCode,
            @RequestParam(required = false) String platformCodes, @RequestParam String password, Model model,
            RedirectAttributes redirect) {
        Role parsedRole = InvalidParameters.Wire.parse(Role.class, role);
        Set<String> platforms = new LinkedHashSet<>();
        if (platformCodes != null) {
            Arrays.stream(platformCodes.split("[,;\\s]+")).filter(s -> !s.isBlank()).forEach(platforms::add);
        }
        try {
            accounts.create(new Accounts.NewAccount(username, displayName, email, parsedRole, agencyCode, platforms,
                    password, true), user(authentication).username());
        } catch (RegistryException e) {
            accountListModel(authentication, model);
            model.addAttribute("problem", e);
            model.addAttribute("form", new Form(username, displayName, email, role, agencyCode, platformCodes));
            return "accounts/admin-accounts";
        }
        redirect.addFlashAttribute("notice", "account-created");
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    @PreAuthorize("hasRole('ADMIN')")
    String setEnabled(Authentication authentication, @PathVariable UUID id, @RequestParam boolean enabled, Model model) {
        try {
            accounts.setEnabled(id, enabled, user(authentication).username());
        } catch (RegistryException e) {
            accountListModel(authentication, model);
            model.addAttribute("enabledProblem", e);
            return "accounts/admin-accounts";
        }
        return "redirect:/admin/accounts";
    }

    /** The token form as typed, shown again when it is refused. */
    record TokenForm(String name, String days) {
    }

    /** What the administrator typed, shown again when the account could not be created (never the password). */
    record Form(String username, String displayName, String email, String role, String agencyCode,
            String platformCodes) {
    }

    private static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow();
    }
}
