package vn.ndp.registry.exchange.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ndp.protocol.globalconf.EndpointRules;
import vn.ndp.protocol.identifiers.MemberClass;
import vn.ndp.registry.exchange.DirectoryEntries;
import vn.ndp.registry.exchange.EvidenceSources;
import vn.ndp.registry.exchange.ExchangeRegister;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.web.Downloads;
import vn.ndp.registry.shared.web.PostedForm;
import vn.ndp.registry.shared.web.WebPage;

/**
 * The administrator's side of the exchange directory as pages: registering members, their information systems
 * (each linked to its catalogue platform), gateways and the tenants each hosts, services with their endpoints;
 * changing a gateway (a new address or certificate, tenants moving onto it or off it); revoking a gateway
 * certificate; and fetching the evidence of one exchange from the gateway that logged it. The same rules as the API
 * ({@link ExchangeRegister}); a refused form comes back with each problem beside what was typed, and a 4xx status.
 */
@WebPage
@PreAuthorize("hasRole('ADMIN')")
class DirectoryPages {

    static final String MEMBER = "member";
    static final String SUBSYSTEM = "subsystem";
    static final String GATEWAY = "gateway";
    static final String GATEWAY_CHANGE = "gatewayChange";
    static final String SERVICE = "service";
    static final String REVOCATION = "revocation";
    static final String EVIDENCE = "evidence";

    private final ExchangeRegister register;
    private final EvidenceSources evidence;

    DirectoryPages(ExchangeRegister register, EvidenceSources evidence) {
        this.register = register;
        this.evidence = evidence;
    }

    /** The page; {@code gateway} names the registered gateway whose change form it shows. */
    @GetMapping("/exchange/manage")
    String page(@RequestParam(name = "gateway", required = false) String gateway, Model model) {
        return page(PostedForm.NONE, null, gateway, model);
    }

    @PostMapping("/exchange/manage/members")
    String member(Authentication authentication, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(MEMBER, form, model, redirect, () -> register.registerMember(form.getFirst("memberClass"),
                form.getFirst("memberCode"), form.getFirst("name"), form.getFirst("agencyCode"), false,
                ExchangeApi.actor(authentication)).id());
    }

    @PostMapping("/exchange/manage/subsystems")
    String subsystem(Authentication authentication, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(SUBSYSTEM, form, model, redirect, () -> register.registerSubsystem(
                form.getFirst("memberId"), form.getFirst("code"), form.getFirst("platformCode"), false,
                ExchangeApi.actor(authentication)).id());
    }

    @PostMapping("/exchange/manage/gateways")
    String gateway(Authentication authentication, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(GATEWAY, form, model, redirect, () -> register.registerGateway(form.getFirst("id"),
                form.getFirst("address"), form.getFirst("certificate"),
                form.getOrDefault("hostedSubsystems", List.of()), false, ExchangeApi.actor(authentication)).id());
    }

    @PostMapping("/exchange/manage/gateways/change")
    String changeGateway(Authentication authentication, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(GATEWAY_CHANGE, form, model, redirect, () -> register.changeGateway(
                form.getFirst("id"), form.getFirst("address"), form.getFirst("certificate"),
                form.getOrDefault("hostedSubsystems", List.of()), ExchangeApi.actor(authentication)).id());
    }

    @PostMapping("/exchange/manage/services")
    String service(Authentication authentication, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(SERVICE, form, model, redirect, () -> register.registerService(
                form.getFirst("subsystemId"), form.getFirst("code"), form.getFirst("description"),
                form.getFirst("openApiUrl"), endpoints(form.getFirst("endpoints")), false,
                ExchangeApi.actor(authentication)).id());
    }

    @PostMapping("/exchange/manage/revocations")
    String revoke(Authentication authentication, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        return attempt(REVOCATION, form, model, redirect, () -> register.revokeCertificate(
                form.getFirst("serial"), form.getFirst("reason"), ExchangeApi.actor(authentication)));
    }

    /** The evidence file of one exchange as a download; a refusal comes back on the page, with what was typed. */
    @GetMapping("/exchange/manage/evidence")
    Object evidence(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        String id = form.getFirst("id");
        try {
            return Downloads.attachment(EvidenceSources.fileName(id), "application/json",
                    evidence.fetch(form.getFirst("gateway"), id));
        } catch (RegistryException e) {
            response.setStatus(e.code().status().value());
            return page(new PostedForm(EVIDENCE, form), e, null, model);
        }
    }

    /**
     * Registers what one form describes: on success back to the page, saying what was registered; refused, the page
     * again with that form as it was posted and its problems (with the refusal's status, as every refused form).
     */
    private String attempt(String name, MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
            java.util.function.Supplier<String> registration) {
        try {
            String id = registration.get();
            redirect.addFlashAttribute("registered", name);
            redirect.addFlashAttribute("registeredId", id);
            return "redirect:/exchange/manage";
        } catch (RegistryException e) {
            return page(new PostedForm(name, form), e, name.equals(GATEWAY_CHANGE) ? form.getFirst("id") : null, model);
        }
    }

    private String page(PostedForm posted, RegistryException error, String gateway, Model model) {
        List<DirectoryEntries.Gateway> gateways = register.gateways();
        model.addAttribute("gateways", gateways);
        model.addAttribute("changing", gateways.stream().filter(g -> g.id().equals(gateway)).findFirst()
                .orElse(null));
        model.addAttribute("unknownGateway", gateway != null && !gateway.isBlank()
                && gateways.stream().noneMatch(g -> g.id().equals(gateway)) ? gateway : null);
        model.addAttribute("posted", posted);
        model.addAttribute("error", error);
        model.addAttribute("instance", register.instance());
        model.addAttribute("memberClasses", MemberClass.values());
        model.addAttribute("members", register.members());
        model.addAttribute("subsystems", register.subsystems());
        model.addAttribute("methods", EndpointRules.METHODS);
        model.addAttribute("evidenceSources", evidence.gateways());
        return "exchange/manage";
    }

    /**
     * The endpoints typed one per line as {@code METHOD /path}, as typed: the register checks and normalises them (a
     * line without a path is refused by its rule).
     */
    static List<DirectoryEntries.Endpoint> endpoints(String typed) {
        List<DirectoryEntries.Endpoint> endpoints = new ArrayList<>();
        if (typed == null) {
            return endpoints;
        }
        for (String line : typed.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            endpoints.add(new DirectoryEntries.Endpoint(parts[0], parts.length == 2 ? parts[1] : ""));
        }
        return endpoints;
    }
}
