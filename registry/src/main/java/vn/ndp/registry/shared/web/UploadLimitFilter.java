package vn.ndp.registry.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A page's upload larger than the server takes ({@code spring.servlet.multipart.max-request-size}) gets the
 * {@link FormRefusals#UPLOAD_TOO_LARGE} page, which states the limit and sends the person back to the form, where
 * the browser's Back still holds what was typed. It must run before Spring Security: the CSRF check reads the form's
 * token from the body, Tomcat refuses the body there, and its own answer is a bare English 413 page. A declared
 * length over the limit is refused before the body is read; a body that turns out too large while it is read
 * (sent without a length) is caught on its way out. The API is left alone: it answers with problem+json.
 */
final class UploadLimitFilter extends OncePerRequestFilter {

    private final long maxRequestSize;

    UploadLimitFilter(long maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null || !type.startsWith("multipart/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (maxRequestSize >= 0 && request.getContentLengthLong() > maxRequestSize) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            refuse(request, response);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        FormRefusals.show(FormRefusals.UPLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE.value(), request, response);
    }

    /** Spring's refusal, or Tomcat's when a parameter is read from a body over its limits (also too many parts). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException
                    || cause instanceof InvalidParameterException invalid
                            && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return true;
            }
        }
        return false;
    }
}
