package vn.ndp.registry.shared.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page starts with no form posted ({@link PostedForm#NONE} as {@code posted}), which the templates read
 * unconditionally; a handler showing a refused form replaces it with what was posted.
 */
@ControllerAdvice(annotations = WebPage.class)
class PostedForms {

    @ModelAttribute("posted")
    PostedForm posted() {
        return PostedForm.NONE;
    }
}
