package vn.ndp.registry.shared;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

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

        private static final JsonMapper JSON = JsonMapper.builder().build();

        public ApiErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String path = request.getRequestURI();
            String message = throwable == null ? null : throwable.getMessage();
            boolean api = path != null ? path.startsWith("/api/") : message != null && message.contains("[/api/");
            if (request.getContext() != null || response.getStatus() != 400 || !api
                    || response.getContentWritten() > 0 || !response.setErrorReported()) {
                super.report(request, response, throwable);
                return;
            }
            ErrorCode code = ErrorCode.INVALID_PARAMETER;
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", ProblemDetailsAdvice.TYPE_BASE + code.slug());
            problem.put("title", code.title());
            problem.put("status", code.status().value());
            problem.put("detail", detail(path));
            if (path != null) {
                problem.put("instance", path);
            }
            problem.put("code", code.name());
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer was begun: nothing more can be said
            }
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
                        + " is, e.g. /api/v1/exchange/gateways/VN/GOV/000.00.00.G12/lgsp.";
            }
            if (upper.contains("%5C")) {
                return "An encoded backslash (%5C) is not accepted in the path.";
            }
            return "The path is not one the server accepts: encode a character as % and two hexadecimal digits of"
                    + " its UTF-8 bytes, never NUL (%00), and leave out . and .. segments.";
        }
    }
}
