package vn.ndp.registry.accounts;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.ndp.registry.accounts.internal.AccountRepository;
import vn.ndp.registry.shared.ShownLanguage;
import vn.ndp.registry.shared.web.Texts;

/**
 * People as pages name them. Records keep the username of whoever acted (stable, and what the audit log
 * holds); a reader wants the person: {@code ${@people.name(r.requestedBy())}} gives "Nguyễn Văn An (an.nv)"
 * for an account, and the text unchanged for anything else (a system actor such as {@code demo} or
 * {@code import}, or an account since deleted); {@code ${@people.lang(r.requestedBy())}} marks a display name
 * {@code lang="vi"} on an English page. Each name is looked up once per web request, however many
 * rows of a page show it.
 */
@Component("people")
public class People {

    private static final String NAMES = People.class.getName() + ".names";

    private final AccountRepository accounts;

    People(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return namesOfThisRequest().computeIfAbsent(username, this::lookUp);
    }

    /**
     * The {@code lang} of {@link #name(String)} where it is not the page's: "vi" on a page not in Vietnamese for an
     * account's display name (people's names are Vietnamese); null for a bare username (a system actor, an account
     * since deleted), which is in no language.
     */
    public String lang(String username) {
        String shown = name(username);
        return shown.equals(username) ? null : ShownLanguage.vietnamese(LocaleContextHolder.getLocale(), shown);
    }

    /** The person as a sentence names them ({@code @texts.sentence(key, @people.part(username))}). */
    public Texts.Part part(String username) {
        return new Texts.Part(name(username), lang(username));
    }

    private String lookUp(String username) {
        return accounts.displayName(username)
                .map(shown -> shown.equals(username) ? username : shown + " (" + username + ")")
                .orElse(username);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> namesOfThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>(); // outside a web request: nothing to share
        }
        Object names = request.getAttribute(NAMES, RequestAttributes.SCOPE_REQUEST);
        if (names == null) {
            names = new HashMap<String, String>();
            request.setAttribute(NAMES, names, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) names;
    }
}
