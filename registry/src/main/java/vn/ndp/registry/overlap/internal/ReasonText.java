package vn.ndp.registry.overlap.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ndp.registry.overlap.OverlapReport.Reason;

/** Reasons as sentences in the reader's language, with matched terms in «guillemets». */
@Component
class ReasonText {

    private final MessageSource messages;

    ReasonText(MessageSource messages) {
        this.messages = messages;
    }

    String sentence(Reason reason, Locale locale) {
        return messages.getMessage(label(reason), new Object[] {reason.function()}, locale) + " "
                + quoted(reason.terms());
    }

    /** The sentence before its terms, for pages that highlight the terms themselves. */
    String label(Reason reason, Locale locale) {
        return messages.getMessage(label(reason), new Object[] {reason.function()}, locale);
    }

    List<String> sentences(List<Reason> reasons, Locale locale) {
        return reasons.stream().map(r -> sentence(r, locale)).toList();
    }

    static String quoted(List<String> terms) {
        return terms.stream().map(t -> "«" + t + "»").collect(Collectors.joining(", "));
    }

    private static String label(Reason reason) {
        return "overlap.reason." + reason.kind().name().toLowerCase(Locale.ROOT);
    }
}
