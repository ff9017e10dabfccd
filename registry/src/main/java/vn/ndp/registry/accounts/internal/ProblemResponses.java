package vn.ndp.registry.accounts.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import vn.ndp.registry.shared.ErrorCode;

/** problem+json written straight to the response, for errors raised before any controller runs. */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, ErrorCode code, String detail, String instance)
            throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (code == ErrorCode.AUTHENTICATION_REQUIRED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ndp\"");
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("https://ndp.dx.gov.vn/problems/" + code.slug()).toString());
        problem.put("title", code.title());
        problem.put("status", code.status().value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("code", code.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
