package vn.ndp.registry.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.ndp.registry.audit.AuditEvent;
import vn.ndp.registry.audit.AuditLog;
import vn.ndp.registry.shared.InvalidParameters;
import vn.ndp.registry.shared.Paging;
import vn.ndp.registry.shared.ResultPage;
import vn.ndp.registry.shared.web.Dates;
import vn.ndp.registry.shared.web.Links;
import vn.ndp.registry.shared.web.Pagination;
import vn.ndp.registry.shared.web.RevisionValues;
import vn.ndp.registry.shared.web.WebPage;

@WebPage
class AuditPages {

    private static final List<String> FILTERS = List.of("event", "actor", "subject", "from", "to");
    private static final int PAGE_SIZE = 50;

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final AuditLog audit;
    private final MessageSource messages;
    private final Dates dates;

    AuditPages(AuditLog audit, MessageSource messages, Dates dates) {
        this.audit = audit;
        this.messages = messages;
        this.dates = dates;
    }

    /** The filters as typed, to fill the form again (a refused date stays as it was typed). */
    record Filters(String event, String actor, String subject, String from, String to) {

        static Filters of(HttpServletRequest request) {
            return new Filters(request.getParameter("event"), request.getParameter("actor"),
                    request.getParameter("subject"), request.getParameter("from"), request.getParameter("to"));
        }
    }

    /** One entry as the table shows it, its detail value by value. */
    record Row(AuditLog.Entry entry, List<Detail> details) {
    }

    private Row row(AuditLog.Entry entry) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Row(entry, entry.detail() == null ? List.of() : entry.detail().entrySet().stream()
                .filter(e -> !text(e.getValue()).isBlank() && !"null".equals(e.getValue()))
                .map(e -> new Detail(e.getKey(), text(e.getValue()), e.getValue() instanceof Boolean yes ? yes : null,
                        said(entry.event(), e.getKey(), e.getValue(), locale)))
                .toList());
    }

    /**
     * A stored value in the reader's words, or null: a list value by value, joined with commas, where the pages have
     * words for any of them; else {@link #saidOne}.
     */
    private String said(AuditEvent event, String name, Object value, Locale locale) {
        if (value instanceof Collection<?> values) {
            List<String> said = values.stream().map(AuditPages::text)
                    .map(one -> Objects.requireNonNullElse(saidOne(event, name, one, locale), one)).toList();
            return said.equals(values.stream().map(AuditPages::text).toList()) ? null : String.join(", ", said);
        }
        return saidOne(event, name, text(value), locale);
    }

    /**
     * One stored value in the reader's words, or null: its own sentence ({@code audit.value.NAME.VALUE}); an enum's
     * constant by the label the pages give it ({@link #labelKey}); a province's adoption of a platform
     * ({@code CODE=status}) with the status's label; a day as the pages write days (dd/MM/yyyy in Vietnamese).
     */
    private String saidOne(AuditEvent event, String name, String text, Locale locale) {
        String own = messages.getMessage("audit.value." + name + "." + text, null, null, locale);
        if (own != null) {
            return own;
        }
        int equals = text.indexOf('=');
        if (event == AuditEvent.ADOPTION_DECLARED && equals > 0) {
            String status = label(event, name, text.substring(equals + 1), locale);
            return status == null ? null : text.substring(0, equals) + ": " + status;
        }
        String label = label(event, name, text, locale);
        if (label != null) {
            return label;
        }
        if (DAY.matcher(text).matches()) {
            try {
                return dates.format(LocalDate.parse(text));
            } catch (DateTimeParseException notADay) {
                return null;
            }
        }
        return null;
    }

    /** The label the pages give {@code value}, an enum's constant, of the detail {@code name}; else null. */
    private String label(AuditEvent event, String name, String value, Locale locale) {
        String key = labelKey(event, name, value.toLowerCase(Locale.ROOT));
        return key == null ? null : messages.getMessage(key, null, null, locale);
    }

    /**
     * The key of the label the pages give the {@code value} (in lower case) of an event's detail {@code name}, or
     * null: a platform's or a local platform's fields, their statuses and verdicts as their histories label them
     * ({@link RevisionValues}); a support request's states and actions, a role, a criterion's result, a priority, a
     * document's kind, a province's adoption status.
     */
    private static String labelKey(AuditEvent event, String name, String value) {
        boolean support = event.name().startsWith("SUPPORT_");
        String fields = event.name().startsWith("LOCAL_PLATFORM_") ? RevisionValues.LOCAL_PLATFORM_FIELDS
                : RevisionValues.PLATFORM_FIELDS;
        return switch (name) {
            case "fields" -> fields + value;
            case "overlap_verdict" -> RevisionValues.labelKey(fields, name, value);
            case "from", "to" -> support ? "support.status." + value
                    : RevisionValues.labelKey(RevisionValues.PLATFORM_FIELDS, "status", value);
            case "statuses" -> RevisionValues.labelKey(RevisionValues.PLATFORM_FIELDS, "status", value);
            case "action" -> support ? "support.action." + value : null;
            case "role" -> "accounts.role." + value;
            case "priority" -> "support.priority." + value;
            case "document_kind" -> "adoption.kind." + value;
            case "platforms" -> event == AuditEvent.ADOPTION_DECLARED ? "adoption.status." + value : null;
            default -> event == AuditEvent.EVALUATION_RECORDED ? "result." + value : null;
        };
    }

    /**
     * One value of an entry's detail, by its stored name ({@code role}): its text, lists joined with commas, without
     * the stored list's notation; {@code yes} for a yes/no value, else null; {@code said}, the value in the reader's
     * words where the pages have them ({@link #said}), else null. Empty values are left out, and so is the text
     * {@code null}, which older entries hold for a value their event lacked (an account's agency).
     */
    record Detail(String name, String text, Boolean yes, String said) {

        /** The details that quote what a person typed (in Vietnamese, as the registry's records are kept). */
        private static final Set<String> TYPED = Set.of("reason", "note", "title", "legal_basis", "legalBasis",
                "issuer", "purpose");

        /** Whether the value quotes typed text, which an English page marks as Vietnamese (unless said in words). */
        public boolean typed() {
            return yes == null && said == null && TYPED.contains(name);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Collection<?> values -> values.stream().map(AuditPages::text).collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }

    /** Bad filters are shown above the filter form, which keeps them; nothing is searched then. */
    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(HttpServletRequest request, Model model) {
        Filters typed = Filters.of(request);
        Pagination.intoModel(model, "entries", Links.from("/admin/audit", request, FILTERS), () -> {
            InvalidParameters params = new InvalidParameters();
            AuditLog.Filter filter = new AuditLog.Filter(params.choice("event", typed.event(), AuditEvent.class),
                    typed.actor(), typed.subject(), params.date("from", typed.from()), params.date("to", typed.to()));
            Paging paging = new Paging(params.integer("page", request.getParameter("page"), 1, 1, Paging.MAX_PAGE),
                    PAGE_SIZE);
            params.throwIfAny();
            return ResultPage.fetch(paging, audit.count(filter), (limit, offset) -> audit.find(filter, limit, offset));
        }, entries -> entries.stream().map(this::row).toList());
        model.addAttribute("filters", typed);
        model.addAttribute("events", AuditEvent.values());
        return "accounts/audit";
    }
}
