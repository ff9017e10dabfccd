package vn.ndp.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
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

    /** A refused parameter as the page shows it. */
    public record Problem(String field, String value, String message) {
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

    private static List<Problem> problems(List<RegistryException.FieldError> errors, HttpServletRequest request) {
        return errors.stream()
                .map(error -> new Problem(error.field(), request.getParameter(error.field()), error.message()))
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
