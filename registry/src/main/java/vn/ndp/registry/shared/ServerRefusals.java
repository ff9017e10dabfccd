package vn.ndp.registry.shared;

import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests the server refuses before the application sees them: a path with an encoded slash ({@code %2F}, which
 * stays refused, so that no path is decoded into one the security rules did not match), another bad
 * percent-encoding, or a request line with a character that must be encoded ({@code "} in a query). Tomcat answers
 * those with its own HTML page; an API request ({@code /api/...}) gets RFC 9457 problem+json instead, saying what to
 * write. Pages keep Tomcat's page.
 */
@Configuration(proxyBeanMethods = false)
class ServerRefusals {

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

    /** Tomcat's error report for requests no application took, problem+json for an API request. */
    public static final class ApiErrorReportValve extends ErrorReportValve {

        public ApiErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String path = request.getRequestURI();
            if (request.getContext() != null || response.getStatus() != 400 || !api(path, throwable)
                    || response.getContentWritten() > 0 || !response.setErrorReported()) {
                super.report(request, response, throwable);
                return;
            }
            try {
                ProblemResponses.write(response, ErrorCode.INVALID_PARAMETER, detail(path), path);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer was begun: nothing more can be said
            }
        }

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
            return "The path is not one the server accepts: encode a character as % and two hexadecimal digits of"
                    + " its UTF-8 bytes, never NUL (%00), and leave out . and .. segments.";
        }
    }
}
