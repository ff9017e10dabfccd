package vn.ndp.registry.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ndp.registry.shared.web.PageSecurityHeaders;

/**
 * Requests the server refuses before the application sees them: a bad percent-encoding, or a request line with a
 * character that must be encoded ({@code "} in a query). Tomcat would answer those with its own English page; an API
 * request ({@code /api/...}) gets RFC 9457 problem+json instead, saying what to write, and a page the site's 400 page
 * in Vietnamese and English with its security headers. Requests Spring Security's firewall
 * refuses (a path parameter {@code ;x=1}, a {@code ..} segment, an encoded {@code %25}, {@code %2E}, slash
 * {@code %2F} or backslash {@code %5C}, {@code //}, a control character however encoded) are answered the same way
 * ({@link ApiRequestRefusals}), and a page gets the site's 400 page. Tomcat passes an encoded slash or backslash on
 * as it is written, never decoded, so that it is the firewall that refuses it: no path is decoded into one the
 * security rules did not match, and a page is refused in the site's layout with its security headers.
 */
@Configuration(proxyBeanMethods = false)
class ServerRefusals {

    /** What a refused path is told when nothing more particular is found wrong with it. */
    private static final String UNACCEPTED_PATH = "The path is not one the server accepts: encode a character as %"
            + " and two hexadecimal digits of its UTF-8 bytes, never NUL (%00), and leave out . and .. segments.";

    /**
     * Puts {@link ApiErrorReportValve} in place of the plain error report valve. Unordered, it runs after Spring
     * Boot's own customizer (order 0), which adds the plain one; the host adds none of its own once the class it
     * would add is there.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            host.getPipeline().addValve(new ApiErrorReportValve());
        });
    }

    /**
     * An encoded slash or backslash ({@code %2F}, {@code %5C}) is passed on as written, neither decoded nor refused by
     * Tomcat, so that the firewall refuses it as it refuses the rest: no path is decoded into one the security rules
     * did not match, and a page gets the site's 400 page rather than Tomcat's.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
    }

    /**
     * Spring Security's strict firewall, refusing every control character in the decoded path: besides what it
     * refuses already (NUL, CR, LF, and the line and paragraph separators), the rest of C0 (U+0001 to U+001F), DEL
     * (U+007F) and C1 (U+0080 to U+009F, sent as {@code %C2%80} to {@code %C2%9F}). No code or name has one, and
     * a path that had one would otherwise reach the application and be repeated, raw, in its answer. WebSecurity
     * takes the one firewall the context has, by type.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        for (char c = 0x01; c <= 0x9F; c++) {
            if (Character.isISOControl(c)) {
                firewall.getDecodedUrlBlocklist().add(String.valueOf(c));
            }
        }
        return firewall;
    }

    /**
     * The error dispatch ({@code /error}): of a request refused before the security chain wrote anything (by the
     * firewall, {@link ApiRequestRefusals}, or by Tomcat, which refuses TRACE itself with a 405: it stays disabled),
     * of an exception no handler answered (one thrown in a filter, say), or of a status sent as an error
     * ({@code sendError}) where no advice answers (a query Tomcat cannot read, an upload over the limit). An API
     * request always gets problem+json ({@link ErrorDispatches#refusal}), never Spring Boot's own JSON; a page's
     * error is the site's error page unless the client asks only for other types ({@link ErrorDispatches#asksForHtml}),
     * with the site's security headers, which the security chain writes only once a request reaches it.
     * It runs before every other filter of the error dispatch, so that nothing else answers it first.
     */
    @Bean
    FilterRegistrationBean<ErrorDispatches> errorDispatches(
            @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        FilterRegistrationBean<ErrorDispatches> registration =
                new FilterRegistrationBean<>(new ErrorDispatches(maxRequestSize));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/error");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** See {@link #errorDispatches}. */
    static final class ErrorDispatches extends OncePerRequestFilter {

        private final DataSize maxRequestSize;

        ErrorDispatches(DataSize maxRequestSize) {
            this.maxRequestSize = maxRequestSize;
        }

        /** An API error as the problem says it: its code, and what to do, never what failed inside. */
        record Refusal(ErrorCode code, String detail) {
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
            if (path == null || !path.startsWith("/api/")) {
                PageSecurityHeaders.write(request, response);
                chain.doFilter(asksForHtml(request) ? new HtmlAsked(request) : request, response);
                return;
            }
            if (response.isCommitted()) {
                return;
            }
            int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                    && code >= 400 ? code : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            Refusal refusal = refusal(status, path, response.getHeader(HttpHeaders.ACCEPT), maxRequestSize);
            ProblemResponses.write(response, status, refusal.code(), refusal.detail(), path);
        }

        /**
         * Whether a page's error is answered as the site's error page: unless the client names only types that are
         * not HTML (JSON, say). Spring Boot's error controller would answer a request with no Accept header, or
         * curl's {@code *}{@code /*}, with JSON.
         */
        static boolean asksForHtml(HttpServletRequest request) {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (accept == null || accept.isBlank()) {
                return true;
            }
            try {
                return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.includes(MediaType.TEXT_HTML));
            } catch (InvalidMediaTypeException e) {
                return true;
            }
        }

        /** A page's error dispatch whose Accept header says HTML, so that the site's error page answers it. */
        private static final class HtmlAsked extends HttpServletRequestWrapper {

            HtmlAsked(HttpServletRequest request) {
                super(request);
            }

            /** The Accept header as content negotiation reads it: the only reading that picks the error page. */
            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(MediaType.TEXT_HTML_VALUE)) : super.getHeaders(name);
            }
        }

        /**
         * The code of an API request's error by its status, and what the caller can do about it. The error's
         * exception and message are never repeated: they may name the server's insides. {@code accepted} is what
         * the resource answers in (the {@code Accept} header Spring adds to a 406), or null.
         */
        static Refusal refusal(int status, String path, String accepted, DataSize maxRequestSize) {
            return switch (status) {
                case 400 -> new Refusal(ErrorCode.INVALID_PARAMETER, "The query or the form could not be read:"
                        + " encode each character that must be encoded as % and two hexadecimal digits of its UTF-8"
                        + " bytes, a % itself as %25 (?q=50%25).");
                case 401 -> new Refusal(ErrorCode.AUTHENTICATION_REQUIRED, ProblemResponses.SIGN_IN);
                case 403 -> new Refusal(ErrorCode.FORBIDDEN, ProblemResponses.NOT_ALLOWED);
                case 404 -> new Refusal(ErrorCode.NOT_FOUND, "The API has no resource at " + path
                        + ". Every path is in the OpenAPI document, /v3/api-docs.");
                case 405 -> new Refusal(ErrorCode.METHOD_NOT_ALLOWED, "The method is not accepted by the server"
                        + " (TRACE never is): use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS, as each path"
                        + " allows.");
                case 406 -> new Refusal(ErrorCode.NOT_ACCEPTABLE, "The resource answers in no type the Accept"
                        + " header names: " + (accepted == null || accepted.isBlank()
                                ? "name one the OpenAPI document, /v3/api-docs, gives for this path,"
                                : "send Accept: " + accepted + ",")
                        + " or leave the header out.");
                case 413 -> new Refusal(ErrorCode.CONTENT_TOO_LARGE, "The request is larger than the server takes"
                        + " (" + Sizes.text(maxRequestSize) + " in all, files and fields): send fewer or smaller"
                        + " files.");
                case 415 -> new Refusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body's content type is not accepted"
                        + " here: send the one the OpenAPI document, /v3/api-docs, gives for this path.");
                case 429 -> new Refusal(ErrorCode.RATE_LIMITED, "Too many requests: wait a minute, then try again.");
                default -> status >= 500
                        ? new Refusal(ErrorCode.INTERNAL_ERROR, "The server failed to answer; nothing is known to be"
                                + " wrong with the request. Try again later; if it fails again, tell the registry's"
                                + " operators the path and the time.")
                        : new Refusal(ErrorCode.REQUEST_REFUSED, "The server refused the request (HTTP " + status
                                + "): check it against the OpenAPI document, /v3/api-docs.");
            };
        }
    }

    /**
     * What Spring Security's firewall refuses; the security configuration takes the one handler the context has
     * (WebSecurity looks it up by type).
     */
    @Bean
    RequestRejectedHandler apiRequestRefusals() {
        return new ApiRequestRefusals();
    }

    /**
     * Spring Security's firewall refusals: an API request ({@code /api/...}) gets problem+json naming what to write
     * instead, with the code Tomcat's own refusals have ({@link ApiErrorReportValve}); a page keeps the 400 error
     * page it had (the firewall's default handler).
     */
    static final class ApiRequestRefusals implements RequestRejectedHandler {

        private static final Pattern DOT_SEGMENT = Pattern.compile("(?i)(^|/)(\\.|%2e){1,2}(/|$)");
        private static final Pattern ENCODED_CONTROL = Pattern.compile("(?i)%([01][0-9a-f]|7f|c2%[89][0-9a-f])");

        private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                RequestRejectedException refusal) throws IOException, ServletException {
            String path = request.getRequestURI();
            if (path == null || !path.startsWith("/api/") || response.isCommitted()) {
                pages.handle(request, response, refusal);
                return;
            }
            ProblemResponses.write(response, ErrorCode.INVALID_PARAMETER, detail(path, refusal.getMessage()), path);
        }

        /** What to write instead, by the path as sent and the firewall's reason (which names no fix). */
        static String detail(String path, String reason) {
            String upper = path.toUpperCase(Locale.ROOT);
            if (upper.contains("%2F")) {
                return ApiErrorReportValve.detail(path);
            }
            if (path.indexOf(';') >= 0 || upper.contains("%3B")) {
                return "A path parameter (;name=value, or an encoded semicolon %3B) is not accepted: leave out the"
                        + " ';' and what follows it in the segment; options go in the query (?name=value).";
            }
            if (DOT_SEGMENT.matcher(path).find()) {
                return "A . or .. segment (also encoded as %2E) is not accepted: write the path of the resource"
                        + " itself" + normalised(path).map(p -> ": " + p + ".").orElse(".");
            }
            if (upper.contains("%2E")) {
                return "An encoded period (%2E) is not accepted in the path: write the period as it is.";
            }
            if (path.contains("//")) {
                return "An empty segment (//) is not accepted in the path: write one slash between segments: "
                        + path.replaceAll("/{2,}", "/") + ".";
            }
            if (upper.contains("%25")) {
                return "An encoded percent sign (%25) is not accepted in the path: a code or name with % in it goes"
                        + " in the query, encoded there (?q=50%25).";
            }
            if (upper.contains("%5C") || path.indexOf('\\') >= 0) {
                return "A backslash (\\ or %5C) is not accepted in the path: separate segments with /.";
            }
            if (ENCODED_CONTROL.matcher(path).find()) {
                return "An encoded control character (%00 to %1F, %7F, %C2%80 to %C2%9F, such as a line break %0A)"
                        + " is not accepted in the path: leave it out.";
            }
            if (reason != null && reason.contains("printable ASCII")) {
                return "The request has a character that is not printable ASCII where the server reads it (a"
                        + " control character such as %0A in the path, or in a header): leave it out.";
            }
            if (reason != null && reason.contains("HTTP method")) {
                return "The method is not one the API accepts: use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.";
            }
            return UNACCEPTED_PATH;
        }
    }

    /** The path with its dot segments resolved, as a client should have sent it; empty when it cannot be read. */
    private static Optional<String> normalised(String path) {
        try {
            String resolved = URI.create(path.replaceAll("(?i)%2e", ".")).normalize().getRawPath();
            return resolved.startsWith("/api/") ? Optional.of(resolved) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Tomcat's error report for requests no application took: problem+json for an API request, the site's 400 page
     * for a page's.
     */
    public static final class ApiErrorReportValve extends ErrorReportValve {

        public ApiErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String path = request.getRequestURI();
            if (request.getContext() != null || response.getStatus() != 400 || response.getContentWritten() > 0
                    || !response.setErrorReported()) {
                super.report(request, response, throwable);
                return;
            }
            try {
                if (api(path, throwable)) {
                    ProblemResponses.write(response, ErrorCode.INVALID_PARAMETER, detail(path), path);
                } else {
                    PageSecurityHeaders.write(request, response);
                    response.setContentType("text/html");
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    response.getWriter().write(BAD_REQUEST_PAGE);
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer was begun: nothing more can be said
            }
        }

        /**
         * A page's request Tomcat refused before any application saw it (a bad percent-encoding, a character that
         * must be encoded): no template can be rendered here, so the site's 400 page is written as it is, in
         * Vietnamese and English, with the site's style sheet and security headers.
         */
        static final String BAD_REQUEST_PAGE = """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Địa chỉ không hợp lệ — Danh mục nền tảng số quốc gia</title>
                <link rel="stylesheet" href="/css/site.css">
                </head>
                <body>
                <main>
                <div class="error-page">
                <p class="error-code">400</p>
                <h1>Địa chỉ không hợp lệ</h1>
                <p>Địa chỉ của trang có ký tự không được dùng hoặc mã hóa phần trăm (%) không đúng, nên máy chủ không \
                mở được trang. Hãy kiểm tra lại đường dẫn, hoặc về <a href="/">trang chủ</a>.</p>
                <p lang="en">The page's address has a character that is not allowed or a bad percent-encoding (%), \
                so the server could not open it. Check the address, or go to the <a href="/">home page</a>.</p>
                </div>
                </main>
                </body>
                </html>
                """;

        /**
         * Whether the refused request was an API request. A request line Tomcat could not read (a {@code "} in the
         * query) leaves it no path: the request target is then only in its refusal's message ("Invalid character
         * found in the request target [/api/...]"), so that text is read. Tomcat keeps no other copy of the line, and
         * no header has been read yet; should the message change, such a request gets Tomcat's page again, as a
         * page's request does.
         */
        static boolean api(String path, Throwable refusal) {
            if (path != null) {
                return path.startsWith("/api/");
            }
            return refusal != null && refusal.getMessage() != null && refusal.getMessage().contains("[/api/");
        }

        /** What was wrong, by the path as sent (null when the request line itself could not be read). */
        static String detail(String path) {
            if (path == null) {
                return "The request line has a character that must be percent-encoded (a space or one of"
                        + " \" < > \\ ^ ` { | }): encode it, e.g. \" as %22.";
            }
            String upper = path.toUpperCase(Locale.ROOT);
            if (upper.contains("%2F")) {
                return "An encoded slash (%2F) is not accepted in the path: write each slash of an identifier as it"
                        + " is, each part a segment of the path: " + path.replaceAll("(?i)%2F", "/") + ".";
            }
            if (upper.contains("%5C")) {
                return "An encoded backslash (%5C) is not accepted in the path.";
            }
            return UNACCEPTED_PATH;
        }
    }
}
