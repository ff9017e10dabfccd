package vn.ndp.registry.accounts;

import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Platform;

/**
 * Who may act on what, decided on the server from the account's scope and the
 * data, never from ids the client sends. Used in {@code @PreAuthorize} as
 * {@code @scopes.canEditPlatform(authentication, #code)}.
 */
@Component("scopes")
public class Scopes {

    private final Agencies agencies;
    private final Catalog catalog;

    Scopes(Agencies agencies, Catalog catalog) {
        this.agencies = agencies;
        this.catalog = catalog;
    }

    /** Whether the user may act for the agency: its editor, or an editor of an agency it merged into. */
    public boolean canActFor(Authentication authentication, String agencyCode) {
        return CurrentUser.from(authentication).map(user -> actsFor(user, agencyCode)).orElse(false);
    }

    public boolean actsFor(CurrentUser user, String agencyCode) {
        if (user.role().nationalAuthority()) {
            return true;
        }
        if (!user.role().scopedToAgency() || agencyCode == null || agencies.find(agencyCode).isEmpty()) {
            return false;
        }
        LocalDate today = agencies.today();
        return agencies.successorOn(agencyCode, today).code()
                .equals(agencies.successorOn(user.agencyCode(), today).code());
    }

    /** Ministry editors edit the platforms their agency owns today; operators the ones they run. */
    public boolean canEditPlatform(Authentication authentication, String platformCode) {
        return CurrentUser.from(authentication).map(user -> mayEdit(user, platformCode)).orElse(false);
    }

    public boolean mayEdit(CurrentUser user, String platformCode) {
        if (user.role().nationalAuthority()) {
            return true;
        }
        Platform platform = catalog.find(platformCode).orElse(null);
        if (platform == null) {
            return false;
        }
        return switch (user.role()) {
            case MINISTRY_EDITOR -> actsFor(user, platform.ownerCode());
            case OPERATOR -> user.platformCodes().contains(platformCode);
            default -> false;
        };
    }
}
