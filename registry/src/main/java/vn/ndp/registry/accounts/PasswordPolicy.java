package vn.ndp.registry.accounts;

import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Long passwords beat composition rules: a minimum length, not the username, not a repeated character. */
@Component
public class PasswordPolicy {

    private final int minLength;

    PasswordPolicy(@Value("${ndp.security.password.min-length:12}") int minLength) {
        this.minLength = minLength;
    }

    /** Why the password is not acceptable, if it is not. */
    public Optional<String> check(String password, String username) {
        if (password == null || password.length() < minLength) {
            return Optional.of("must be at least " + minLength + " characters long.");
        }
        if (password.length() > 256) {
            return Optional.of("must be at most 256 characters long.");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the username.");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("must use more than three different characters.");
        }
        return Optional.empty();
    }
}
