package vn.ndp.registry.exchange.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ndp.protocol.globalconf.EndpointRules;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.exchange.AccessRequests;
import vn.ndp.registry.exchange.AccessRequests.AccessRequest;
import vn.ndp.registry.exchange.DirectoryEntries;
import vn.ndp.registry.exchange.ExchangeRegister;
import vn.ndp.registry.exchange.UsageStatistics;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.VietnamTime;
import vn.ndp.registry.shared.web.BarChart;
import vn.ndp.registry.shared.web.WebPage;

/**
 * The exchange directory as pages: members, subsystems (with the catalogue
 * platform each belongs to), gateways and the tenants each hosts, services
 * with their endpoints, access rights, and transactions per day; and the
 * access requests: the consumer's form, the provider's queue, the
 * requester's list. Every rule is the API's ({@code @exchangeScopes}); a
 * refused form is shown again with each problem and a 4xx status.
 */
@WebPage
class ExchangePages {

    private final ExchangeRegister register;
    private final AccessRequests requests;
    private final UsageStatistics usage;
    private final ExchangeScopes scopes;
    private final Catalog catalog;
    private final Agencies agencies;
    private final MessageSource messages;
    private final Clock clock;

    ExchangePages(ExchangeRegister register, AccessRequests requests, UsageStatistics usage, ExchangeScopes scopes,
            Catalog catalog, Agencies agencies, MessageSource messages, Clock clock) {
        this.register = register;
        this.requests = requests;
        this.usage = usage;
        this.scopes = scopes;
        this.catalog = catalog;
        this.agencies = agencies;
        this.messages = messages;
        this.clock = clock;
    }

    /** A member with the name, in the reader's language, of the catalogue agency it is (null when none or unknown). */
    record MemberRow(DirectoryEntries.Member member, String agencyName) {
    }

    /** A subsystem with the name of the catalogue platform it belongs to (null when none or unknown). */
    record SubsystemRow(DirectoryEntries.Subsystem subsystem, String platformName) {
    }

    /** Transactions of one platform, agency or province over the period. */
    record UsageRow(String key, String name, long transactions, long failures, boolean sample) {
    }

    /** What the access-request form shows again after a refusal. */
    record RequestForm(String clientId, String serviceId, String method, String path, String purpose,
            String legalBasis) {

        static RequestForm empty() {
            return new RequestForm(null, null, null, null, null, null);
        }
    }

    @GetMapping("/exchange")
    @PreAuthorize("isAuthenticated()")
    String directory(@RequestParam(required = false) String by, Model model, HttpServletResponse response) {
        InvalidParameters params = new InvalidParameters();
        UsageStatistics.Dimension dimension = params.choice("by", by, UsageStatistics.Dimension.class);
        RegistryException usageError = params.refusal().orElse(null);
        model.addAttribute("usageError", usageError);
        model.addAttribute("usageGiven", by);
        if (usageError != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        if (dimension == null) {
            dimension = UsageStatistics.Dimension.PLATFORM;
        }
        List<DirectoryEntries.Member> members = register.members();
        List<DirectoryEntries.Subsystem> subsystems = register.subsystems();
        model.addAttribute("instance", register.instance());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("members", members.stream().map(m -> new MemberRow(m, m.agencyCode() == null ? null
                : agencies.find(m.agencyCode()).map(a -> a.name(locale)).orElse(null))).toList());
        Map<String, String> platformNames = platformNames(subsystems, locale);
        model.addAttribute("subsystems", subsystems.stream()
                .map(s -> new SubsystemRow(s, platformNames.get(s.platformCode()))).toList());
        model.addAttribute("gateways", register.gateways());
        model.addAttribute("services", register.services());
        model.addAttribute("rights", register.accessRights());
        usage(dimension, sampleKeys(members, subsystems), platformNames, model);
        return "exchange/directory";
    }

    @GetMapping("/exchange/access-requests")
    @PreAuthorize("isAuthenticated()")
    String accessRequests(Authentication authentication, Model model) {
        return requestsPage(authentication, RequestForm.empty(), null, model);
    }

    @PostMapping("/exchange/access-requests")
    @PreAuthorize("hasRole('ADMIN') or @exchangeScopes.canRequestFor(authentication, #clientId)")
    String requestAccess(Authentication authentication, @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String serviceId, @RequestParam(required = false) String method,
            @RequestParam(required = false) String path, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String legalBasis, Model model, RedirectAttributes redirect) {
        RequestForm form = new RequestForm(clientId, serviceId, method, path, purpose, legalBasis);
        try {
            boolean wholeService = (method == null || method.isBlank()) && (path == null || path.isBlank());
            DirectoryEntries.Endpoint endpoint = wholeService ? null
                    : new DirectoryEntries.Endpoint(method == null ? "" : method.strip(),
                            path == null ? "" : path.strip());
            AccessRequest created = requests.request(clientId, serviceId, endpoint, purpose, legalBasis,
                    ExchangeApi.actor(authentication));
            redirect.addFlashAttribute("done", "requested");
            return "redirect:/exchange/access-requests#request-" + created.id();
        } catch (RegistryException e) {
            model.addAttribute("requestError", e);
            return refused(authentication, form, null, e, model);
        }
    }

    @PostMapping("/exchange/access-requests/{id}/approve")
    @PreAuthorize("@exchangeScopes.canDecide(authentication, #id)")
    String approve(Authentication authentication, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            requests.approve(id, ExchangeApi.actor(authentication));
            redirect.addFlashAttribute("done", "approved");
            return "redirect:/exchange/access-requests";
        } catch (RegistryException e) {
            return refused(authentication, RequestForm.empty(), e, e, model);
        }
    }

    @PostMapping("/exchange/access-requests/{id}/deny")
    @PreAuthorize("@exchangeScopes.canDecide(authentication, #id)")
    String deny(Authentication authentication, @PathVariable UUID id,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            requests.deny(id, reason, ExchangeApi.actor(authentication));
            redirect.addFlashAttribute("done", "denied");
            return "redirect:/exchange/access-requests";
        } catch (RegistryException e) {
            model.addAttribute("denied", id);
            model.addAttribute("reason", reason);
            return refused(authentication, RequestForm.empty(), e, e, model);
        }
    }

    @PostMapping("/exchange/access-requests/{id}/withdraw")
    @PreAuthorize("@exchangeScopes.canWithdraw(authentication, #id)")
    String withdraw(Authentication authentication, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            requests.withdraw(id, ExchangeApi.actor(authentication));
            redirect.addFlashAttribute("done", "withdrawn");
            return "redirect:/exchange/access-requests";
        } catch (RegistryException e) {
            return refused(authentication, RequestForm.empty(), e, e, model);
        }
    }

    /**
     * Not found stays an error page; anything else is shown on the page (with its status, as every refused form): a
     * decision's refusal at the top ({@code error}), the request form's inside the form ({@code requestError}).
     */
    private String refused(Authentication authentication, RequestForm form, RegistryException decisionError,
            RegistryException e, Model model) {
        if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
            throw e;
        }
        return requestsPage(authentication, form, decisionError, model);
    }

    private String requestsPage(Authentication authentication, RequestForm form, RegistryException error,
            Model model) {
        CurrentUser user = CurrentUser.from(authentication).orElseThrow();
        boolean admin = user.is(Role.ADMIN);
        ExchangeScopes.Judge judge = scopes.judge(user);
        List<DirectoryEntries.Subsystem> clients = register.subsystems().stream()
                .filter(s -> judge.canRequestFor(s.id())).toList();
        List<AccessRequest> seen = requests.find(null).stream().filter(judge::sees).toList();
        List<AccessRequest> queue = new ArrayList<>();
        List<AccessRequest> mine = new ArrayList<>();
        List<AccessRequest> decided = new ArrayList<>();
        Set<UUID> withdrawable = new HashSet<>();
        for (AccessRequest r : seen) {
            boolean pending = r.status() == AccessRequests.Status.PENDING;
            boolean canDecide = judge.canDecide(r);
            boolean canWithdraw = judge.canWithdraw(r);
            if (pending && canDecide) {
                queue.add(r);
            }
            if (r.requestedBy().equals(user.username()) || !admin && canWithdraw) {
                mine.add(r);
                if (pending && canWithdraw) {
                    withdrawable.add(r.id());
                }
            } else if (!pending && canDecide && !judge.seesAll()) {
                decided.add(r);
            }
        }
        model.addAttribute("clients", clients);
        model.addAttribute("services", register.services());
        model.addAttribute("form", form);
        model.addAttribute("methods", EndpointRules.METHODS);
        model.addAttribute("error", error);
        model.addAttribute("queue", queue);
        model.addAttribute("mine", mine);
        model.addAttribute("withdrawable", withdrawable);
        model.addAttribute("decided", decided);
        model.addAttribute("everything", judge.seesAll() ? seen : List.of());
        model.addAttribute("seesEverything", judge.seesAll());
        return "exchange/access-requests";
    }

    private void usage(UsageStatistics.Dimension dimension, Set<String> sampleKeys, Map<String, String> platformNames,
            Model model) {
        LocalDate to = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate from = UsageStatistics.recentFrom(to);
        UsageStatistics.DailyUsage daily = usage.daily(dimension, from, to);
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (UsageStatistics.DailyCount c : daily.totals()) {
            perDay.put(c.day(), c.transactions());
        }
        Map<String, long[]> perKey = new LinkedHashMap<>();
        for (UsageStatistics.DailyCount c : daily.perKey()) {
            long[] sums = perKey.computeIfAbsent(c.key(), k -> new long[2]);
            sums[0] += c.transactions();
            sums[1] += c.failures();
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<BarChart.Datum> data = new ArrayList<>();
        perDay.forEach((day, n) -> data.add(new BarChart.Datum(CalendarDates.format(day, locale), null, n, null)));
        boolean anySample = perKey.keySet().stream().anyMatch(sampleKeys::contains);
        String title = messages.getMessage("exchange.usage.chart", new Object[] {CalendarDates.format(from, locale),
                CalendarDates.format(to, locale)}, locale);
        String description = messages.getMessage("exchange.usage.chart.description", null, locale)
                + (anySample ? " " + messages.getMessage("common.sample", null, locale) : "");
        model.addAttribute("chart", BarChart.of("exchange-usage", title, description, data));
        model.addAttribute("usage", perKey.entrySet().stream().map(e -> new UsageRow(e.getKey(),
                usageName(dimension, e.getKey(), platformNames, locale), e.getValue()[0], e.getValue()[1],
                sampleKeys.contains(e.getKey()))).toList());
        model.addAttribute("usageSample", anySample);
        model.addAttribute("by", UsageStatistics.wire(dimension));
        model.addAttribute("usageDays", UsageStatistics.RECENT_DAYS);
        model.addAttribute("dimensions", List.of(UsageStatistics.Dimension.values()).stream()
                .map(UsageStatistics::wire).toList());
    }

    /**
     * Keys of the usage statistics whose every directory entry is sample: a subsystem or member id, or a
     * platform or agency code that only sample subsystems or members carry.
     */
    private static Set<String> sampleKeys(List<DirectoryEntries.Member> members,
            List<DirectoryEntries.Subsystem> subsystems) {
        Set<String> keys = new HashSet<>();
        Set<String> real = new HashSet<>();
        for (DirectoryEntries.Member m : members) {
            (m.sample() ? keys : real).add(m.id());
            if (m.agencyCode() != null) {
                (m.sample() ? keys : real).add(m.agencyCode());
            }
        }
        for (DirectoryEntries.Subsystem s : subsystems) {
            (s.sample() ? keys : real).add(s.id());
            if (s.platformCode() != null) {
                (s.sample() ? keys : real).add(s.platformCode());
            }
        }
        keys.removeAll(real);
        return keys;
    }

    /**
     * What a usage key names, for people: a catalogue platform's or an agency's name; null for a key that is a system
     * not linked to a platform, or a member not linked to an agency (the key itself is then shown, so labelled).
     */
    private String usageName(UsageStatistics.Dimension dimension, String key, Map<String, String> platformNames,
            Locale locale) {
        return dimension == UsageStatistics.Dimension.PLATFORM ? platformNames.get(key)
                : agencies.find(key).map(a -> a.name(locale)).orElse(null);
    }

    /**
     * The names of the catalogue platforms the subsystems belong to, by code, from one query. A usage key by
     * platform is one of these codes or the id of a subsystem linked to no platform, so these names are all it needs.
     */
    private Map<String, String> platformNames(List<DirectoryEntries.Subsystem> subsystems, Locale locale) {
        Map<String, String> names = new HashMap<>();
        catalog.find(subsystems.stream().map(DirectoryEntries.Subsystem::platformCode).filter(Objects::nonNull)
                .collect(Collectors.toSet())).forEach((code, platform) -> names.put(code, platform.name(locale)));
        return names;
    }
}
