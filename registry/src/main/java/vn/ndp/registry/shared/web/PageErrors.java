package vn.ndp.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/**
 * Errors of {@link WebPage} controllers as HTML in the site layout: the
 * {@code error} template says what was not found, or lists each bad parameter
 * with the value given and why it was refused.
 */
@ControllerAdvice(annotations = WebPage.class)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A refused parameter as the page shows it: why in the reader's language ({@code sentence}) where the refusal
     * has a sentence for it, else in the API's English ({@code message}).
     */
    public record Problem(String field, String value, String message, String sentence) {
    }

    @ExceptionHandler(RegistryException.class)
    ModelAndView registryException(RegistryException e, HttpServletRequest request) {
        ErrorCode code = e.code();
        ModelAndView page = new ModelAndView("error", code.status());
        page.addObject("status", code.status().value());
        page.addObject("code", code.name());
        page.addObject("missing", requestedCode(request));
        page.addObject("problems", problems(e.errors(), request));
        page.addObject(Site.MODEL_NAME, Site.of(request));
        return page;
    }

    private List<Problem> problems(List<RegistryException.FieldError> errors, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        return errors.stream()
                .map(error -> new Problem(error.field(), request.getParameter(error.field()), error.message(),
                        error.said() == null ? null : messages.getMessage(error.said().key(),
                                error.said().arguments().toArray(), null, locale)))
                .toList();
    }

    private static String requestedCode(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("code") instanceof String code) {
            return code;
        }
        return null;
    }
}
