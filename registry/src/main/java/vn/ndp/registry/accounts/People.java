package vn.ndp.registry.accounts;

import org.springframework.stereotype.Component;
import vn.ndp.registry.accounts.internal.AccountRepository;

/**
 * People as pages name them. Records keep the username of whoever acted (stable, and what the audit log
 * holds); a reader wants the person: {@code ${@people.name(r.requestedBy())}} gives "Nguyễn Văn An (an.nv)"
 * for an account, and the text unchanged for anything else (a system actor such as {@code demo} or
 * {@code import}, or an account since deleted).
 */
@Component("people")
public class People {

    private final AccountRepository accounts;

    People(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return accounts.findByUsername(username)
                .map(a -> a.displayName().equals(username) ? username : a.displayName() + " (" + username + ")")
                .orElse(username);
    }
}
