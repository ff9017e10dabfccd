package vn.ndp.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import vn.ndp.registry.shared.Sizes;

/** The pages of {@link FormRefusals}: with the refusal's status when shown in place of a form, 200 when visited. */
@WebPage
class FormRefusalPages {

    /** Read from the setting, not from the multipart configuration, which exists only when a web server runs. */
    private final DataSize maxRequestSize;

    FormRefusalPages(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    @GetMapping(FormRefusals.SESSION_EXPIRED)
    String sessionExpired(HttpServletRequest request, HttpServletResponse response) {
        statusOf(request, response);
        return "form-expired";
    }

    @GetMapping(FormRefusals.UPLOAD_TOO_LARGE)
    String uploadTooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        statusOf(request, response);
        model.addAttribute("maxRequestSize", Sizes.text(maxRequestSize));
        return "upload-too-large";
    }

    private static void statusOf(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(FormRefusals.STATUS) instanceof Integer status) {
            response.setStatus(status);
        }
    }
}
