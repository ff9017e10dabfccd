package vn.ndp.registry.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ndp.registry.accounts.internal.AccountRepository;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.agencies.Existence;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Moments;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;
import vn.ndp.registry.shared.RegistryException.Said;

/** Creates and maintains accounts; every change is audited. */
@Service
public class Accounts {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AccountRepository repository;
    private final PasswordEncoder passwords;
    private final Agencies agencies;
    private final Catalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordPolicy policy;

    Accounts(AccountRepository repository, PasswordEncoder passwords, Agencies agencies, Catalog catalog,
            AuditLog audit, Clock clock, PasswordPolicy policy) {
        this.repository = repository;
        this.passwords = passwords;
        this.agencies = agencies;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * What an administrator fills in to create an account. Agency and platform codes are upper-case by definition:
     * {@code btc} is taken as BTC, and a blank one as none. An {@code initialPassword} is one the administrator chose and knows: its owner must
     * replace it at the first sign-in, as the first administrator replaces the one printed at the first start.
     */
    public record NewAccount(String username, String displayName, String email, Role role, String agencyCode,
            Set<String> platformCodes, String password, boolean initialPassword) {

        public NewAccount {
            agencyCode = InvalidParameters.code(agencyCode);
            platformCodes = platformCodes == null ? Set.of() : platformCodes.stream().map(InvalidParameters::code)
                    .filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** An account whose password its owner keeps as given (sample and test accounts). */
        public NewAccount(String username, String displayName, String email, Role role, String agencyCode,
                Set<String> platformCodes, String password) {
            this(username, displayName, email, role, agencyCode, platformCodes, password, false);
        }
    }

    public List<Account> all() {
        return repository.findAll();
    }

    public Account get(UUID id) {
        return repository.findById(id)
                .orElseThrow(() -> new RegistryException(ErrorCode.ACCOUNT_NOT_FOUND, "No account has the id " + id));
    }

    /**
     * The sign-in before the account's last one ({@link Account#lastSignInAt()}): for the person signed in now, the
     * one before theirs, to notice a sign-in that was not theirs. Empty before a second sign-in.
     */
    public java.util.Optional<OffsetDateTime> previousSignIn(UUID id) {
        return repository.previousSignIn(id);
    }

    public java.util.Optional<Account> findByUsername(String username) {
        return repository.findByUsername(username);
    }

    @Transactional
    public Account create(NewAccount request, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String username = request.username() == null ? "" : request.username().strip().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", "use 3–64 lower-case letters, digits, '.', '_', '@' or '-'."));
        } else if (repository.findByUsername(username).isPresent()) {
            throw new RegistryException(ErrorCode.USERNAME_TAKEN, "The username '" + username + "' is taken.",
                    List.of(FieldError.of("username", "is taken.")));
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            errors.add(FieldError.of("displayName", "is required."));
        }
        if (request.email() != null && !request.email().isBlank() && !EMAIL.matcher(request.email().strip()).matches()) {
            errors.add(FieldError.of("email", "is not an e-mail address."));
        }
        Existence.Ended ended = null;
        if (request.role() == null) {
            errors.add(FieldError.of("role", "is required."));
        } else {
            ended = checkScope(request.role(), request.agencyCode(), request.platformCodes(), errors);
        }
        if (request.password() != null) {
            policy.check(request.password(), username).ifPresent(why -> errors.add(FieldError.of("password", why)));
        }
        if (ended != null) {
            throw new RegistryException(ErrorCode.AGENCY_MERGED, "The account cannot be created: "
                    + gone(ended) + " Existing accounts of " + ended.agency().code() + " keep working.", errors);
        }
        if (!errors.isEmpty()) {
            throw new RegistryException(ErrorCode.INVALID_BODY, "The account cannot be created: "
                    + errors.size() + " field(s) need attention.", errors);
        }
        Account account = new Account(UUID.randomUUID(), username, request.displayName().strip(),
                InvalidParameters.stripped(request.email()), request.role(),
                request.role().scopedToAgency() ? request.agencyCode() : null,
                request.role() == Role.OPERATOR ? request.platformCodes() : Set.of(), true,
                request.initialPassword() && request.password() != null, 0, null,
                Moments.now(clock), null);
        repository.insert(account, request.password() == null ? null : passwords.encode(request.password()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("role", account.role().name());
        detail.put("agency", account.agencyCode()); // none for a role without an agency: left out
        audit.record(AuditEvent.ACCOUNT_CREATED, actor, username, detail);
        return account;
    }

    /**
     * Adds the problems of the account's scope to {@code errors}; returns how its agency ended when it no longer
     * exists today. A new account acts for an agency that exists: one for a merged agency would act for its
     * successor anyway ({@link #agencyToday}), under a name that is no more. The accounts such an agency had keep
     * working (its editors act for the successor).
     */
    private Existence.Ended checkScope(Role role, String agencyCode, Set<String> platformCodes,
            List<FieldError> errors) {
        Existence.Ended ended = null;
        if (role.scopedToAgency()) {
            if (agencyCode == null || agencyCode.isBlank()) {
                errors.add(FieldError.of("agencyCode", "is required for this role."));
                return null;
            }
            var agency = agencies.find(agencyCode);
            if (agency.isEmpty()) {
                errors.add(FieldError.of("agencyCode", "no agency has the code '" + agencyCode + "'.",
                        Said.of("accounts.create.error.field.agencyCode.unknown", agencyCode)));
            } else if (role == Role.PROVINCE_EDITOR && !agency.get().kind().isProvincial()) {
                errors.add(FieldError.of("agencyCode", "a province editor acts for a province or centrally-run city.",
                        Said.of("accounts.create.error.field.agencyCode.notProvince", agency.get().nameVi(),
                                agencyCode, agency.get().name(Locale.ENGLISH))));
            } else if (role == Role.MINISTRY_EDITOR && agency.get().kind().isProvincial()) {
                errors.add(FieldError.of("agencyCode", "a ministry editor acts for a ministry or agency, not a province.",
                        Said.of("accounts.create.error.field.agencyCode.province", agency.get().nameVi(), agencyCode,
                                agency.get().name(Locale.ENGLISH))));
            } else if (agencies.existenceOn(agencyCode, agencies.today()) instanceof Existence.Ended gone) {
                ended = gone;
                errors.add(endedAgency(gone));
            }
        } else if (agencyCode != null && !agencyCode.isBlank()) {
            // kept, it would be dropped without a word: the account would not act for the agency typed
            errors.add(role == Role.OPERATOR
                    ? FieldError.of("agencyCode", "an operator acts for the platforms it runs, not for an agency;"
                            + " leave it blank.", Said.of("accounts.create.error.field.agencyCode.operator"))
                    : FieldError.of("agencyCode", "the role " + InvalidParameters.Wire.name(role)
                            + " acts nationally, for no one agency; leave it blank.",
                            Said.of("accounts.create.error.field.agencyCode.national", label(role))));
        }
        if (role != Role.OPERATOR && platformCodes != null && !platformCodes.isEmpty()) {
            errors.add(FieldError.of("platformCodes", "only an operator runs platforms; leave it blank for the role "
                    + InvalidParameters.Wire.name(role) + ".",
                    Said.of("accounts.create.error.field.platformCodes.notOperator", label(role))));
        }
        if (role == Role.OPERATOR) {
            if (platformCodes == null || platformCodes.isEmpty()) {
                errors.add(FieldError.of("platformCodes", "an operator runs at least one platform."));
            } else {
                for (String code : platformCodes) {
                    if (catalog.find(code).isEmpty()) {
                        errors.add(FieldError.of("platformCodes", "no platform has the code '" + code + "'.",
                                Said.of("accounts.create.error.field.platformCodes.unknown", code)));
                    }
                }
            }
        }
        return ended;
    }

    /** A role as the pages name it ({@link Role}). */
    private static RegistryException.Label label(Role role) {
        return RegistryException.Label.of("accounts.role.", role);
    }

    private static FieldError endedAgency(Existence.Ended ended) {
        Agency gone = ended.agency();
        Agency holder = ended.holder();
        if (holder == null) {
            return FieldError.of("agencyCode", gone(ended), Said.of("accounts.create.error.field.agencyCode.ended",
                    gone.nameVi(), gone.code(), CalendarDates.vietnamese(ended.endedOn()), gone.name(Locale.ENGLISH),
                    CalendarDates.format(ended.endedOn(), Locale.ENGLISH)));
        }
        // worded by how it ended, as the agency's page words it: merged into, renamed to, or split
        String kind = ended.succession().kind().name().toLowerCase(Locale.ROOT);
        return FieldError.of("agencyCode", gone(ended), Said.of("accounts.create.error.field.agencyCode." + kind,
                gone.nameVi(), gone.code(), CalendarDates.vietnamese(ended.endedOn()), holder.nameVi(), holder.code(),
                gone.name(Locale.ENGLISH), CalendarDates.format(ended.endedOn(), Locale.ENGLISH),
                holder.name(Locale.ENGLISH)));
    }

    private static String gone(Existence.Ended ended) {
        return ended.describe() + (ended.holder() == null ? "." : "; create the account for " + ended.holder().code()
                + ".");
    }

    @Transactional
    public void changePassword(UUID accountId, String current, String replacement) {
        Account account = get(accountId);
        String hash = repository.passwordHash(accountId).orElse(null);
        if (hash == null || current == null || !passwords.matches(current, hash)) {
            throw new RegistryException(ErrorCode.WRONG_PASSWORD, "The current password is wrong.",
                    List.of(FieldError.of("currentPassword", "is wrong.")));
        }
        // a one-time password kept as one's own would stay known to the administrator who chose it
        if (replacement != null && passwords.matches(replacement, hash)) {
            throw new RegistryException(ErrorCode.WEAK_PASSWORD, "The new password must differ from the current one.",
                    List.of(FieldError.of("newPassword", "must differ from the current password.",
                            Said.of("accounts.error.field.newPassword.same"))));
        }
        policy.check(replacement, account.username()).ifPresent(why -> {
            throw new RegistryException(ErrorCode.WEAK_PASSWORD, why, List.of(FieldError.of("newPassword", why)));
        });
        repository.setPassword(accountId, passwords.encode(replacement), false);
        audit.record(AuditEvent.PASSWORD_CHANGED, account.username(), account.username(), Map.of());
    }

    /**
     * Enables or disables an account; a disabled account's sessions end at their next request. Administrators cannot
     * disable their own account, so that an administrator cannot lock the registry out by mistake (the one who is
     * left can always be disabled by another).
     */
    @Transactional
    public void setEnabled(UUID accountId, boolean enabled, String actor) {
        Account account = get(accountId);
        if (!enabled && account.username().equals(actor)) {
            throw new RegistryException(ErrorCode.ILLEGAL_TRANSITION, "You cannot disable your own account: ask another "
                    + "administrator.", RegistryException.Said.of("accounts.state.refused.self"));
        }
        repository.update(new Account(account.id(), account.username(), account.displayName(), account.email(),
                account.role(), account.agencyCode(), account.platformCodes(), enabled, account.mustChangePassword(),
                account.failedAttempts(), account.lockedUntil(), account.createdAt(), account.lastSignInAt()));
        audit.record(enabled ? AuditEvent.ACCOUNT_CHANGED : AuditEvent.ACCOUNT_DISABLED, actor, account.username(),
                Map.of("enabled", enabled));
    }

    /** The agency an editor acts for, as it is today (a merged ministry's editor acts for the successor). */
    public Agency agencyToday(CurrentUser user) {
        return agencies.successorOn(user.agencyCode(), agencies.today());
    }
}
