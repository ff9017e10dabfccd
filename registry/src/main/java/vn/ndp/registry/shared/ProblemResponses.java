package vn.ndp.registry.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * problem+json written straight to the response, for refusals made where no controller, and so no
 * {@link ProblemDetailsAdvice}, answers: the security filters, and the server's own refusals ({@link ServerRefusals}).
 * The document is the advice's: the same type, title, status and {@code code}.
 */
public final class ProblemResponses {

    /** The detail of the API's 401, wherever it is answered: how to sign in. */
    public static final String SIGN_IN = "Sign in with an API token: Authorization: Bearer ndp_...";

    /** The detail of the API's 403, wherever it is answered. */
    public static final String NOT_ALLOWED = "Your role or scope does not allow this.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /**
     * Answers with {@code code}'s status and its problem document; {@code instance} (the path) may be null, when the
     * request line could not be read. A 401 also names the scheme to authenticate with, as RFC 9110 requires.
     */
    public static void write(HttpServletResponse response, ErrorCode code, String detail, String instance)
            throws IOException {
        write(response, code.status().value(), code, detail, instance);
    }

    /**
     * Answers with {@code status} and {@code code}'s problem document: for a code that stands for a class of statuses
     * ({@link ErrorCode#INTERNAL_ERROR}, {@link ErrorCode#REQUEST_REFUSED}), the status the server answered with.
     */
    public static void write(HttpServletResponse response, int status, ErrorCode code, String detail, String instance)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (code == ErrorCode.AUTHENTICATION_REQUIRED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ndp\"");
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemDetailsAdvice.TYPE_BASE + code.slug());
        problem.put("title", code.title());
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.put("code", code.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
