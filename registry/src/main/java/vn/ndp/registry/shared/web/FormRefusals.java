package vn.ndp.registry.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Forms the server could not take at all, refused before any controller sees them: a form whose session or CSRF
 * token has expired, and an upload larger than the server accepts. Each gets a page that says nothing was saved and
 * how to get back to what was typed, in place of a generic error page.
 */
public final class FormRefusals {

    /** The page for a form posted with an expired session or CSRF token (403). */
    public static final String SESSION_EXPIRED = "/form-expired";
    /** The page for an upload larger than the server's limit (413). */
    public static final String UPLOAD_TOO_LARGE = "/upload-too-large";
    static final String STATUS = FormRefusals.class.getName() + ".status";

    private FormRefusals() {
    }

    /** Whether the request comes from a browser's page (which shows HTML) rather than a script that wants data. */
    public static boolean fromPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * Answers with the page at {@code path} and the given status, without reading the posted form: its body may be
     * the very thing refused, and Tomcat throws again on every attempt to read a body it refused.
     */
    public static void show(String path, int status, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.setAttribute(STATUS, status);
        response.resetBuffer();
        request.getRequestDispatcher(path).forward(new WithoutBody(request), response);
    }

    /** The posted request seen as a plain GET of the page, with no body and no parameters. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
