package vn.ndp.registry.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API request that no handler takes, for its path, its method or its content type, still gets problem+json naming
 * what the API has there. Spring finds no handler for it, so {@link ProblemDetailsAdvice}, which applies to API
 * controllers, is never asked (and Spring Boot's own problem handler stands down because that advice exists). Pages
 * keep Spring's answer.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmatchedApiRequestAdvice {

    /** The API's handlers, looked up at the first unknown path: a context without a web server (ndp import) has none. */
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;

    UnmatchedApiRequestAdvice(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    /**
     * A path the API has no resource at: a 404 naming the API's paths whose fixed segments, those before the first
     * variable, begin the path asked for (a gateway's id of three parts is near the path of four), and where every
     * path is listed.
     */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> unknownPath(Exception e, HttpServletRequest request) throws Exception {
        if (!api(request)) {
            throw e;
        }
        List<String> near = near(request.getRequestURI());
        return problem(ErrorCode.NOT_FOUND, "The API has no resource at " + request.getRequestURI()
                + (near.isEmpty() ? "" : "; near it: " + String.join(", ", near))
                + ". Every path is in the OpenAPI document, /v3/api-docs.", HttpHeaders.EMPTY);
    }

    /** The API's paths whose fixed segments begin {@code path}, each after the methods it takes ({@code GET|PUT}). */
    private List<String> near(String path) {
        List<String> asked = List.of(path.split("/"));
        Map<String, Set<String>> methods = new TreeMap<>();
        handlers.getObject().getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/") && begins(asked, pattern))
                .forEach(pattern -> mapping.getMethodsCondition().getMethods().forEach(method -> methods
                        .computeIfAbsent(pattern, any -> new TreeSet<>()).add(method.name()))));
        return methods.entrySet().stream().map(near -> String.join("|", near.getValue()) + " " + near.getKey())
                .toList();
    }

    private static boolean begins(List<String> asked, String pattern) {
        List<String> fixed = Stream.of(pattern.split("/"))
                .takeWhile(segment -> !segment.contains("{") && !segment.contains("*")).toList();
        return asked.size() >= fixed.size() && asked.subList(0, fixed.size()).equals(fixed);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!api(request)) {
            throw e;
        }
        String sent = e.getContentType() == null ? "none" : "'" + e.getContentType() + "'";
        String accepted = e.getSupportedMediaTypes().stream().map(Object::toString).distinct()
                .collect(Collectors.joining(", "));
        return problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type " + sent + " is not accepted here"
                + (accepted.isEmpty() ? "." : "; send " + accepted + "."), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMethod(HttpRequestMethodNotSupportedException e,
            HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        if (!api(request)) {
            throw e;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setAllow(e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods());
        String allowed = headers.getAllow().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        return problem(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here"
                + (allowed.isEmpty() ? "." : "; use " + allowed + "."), headers);
    }

    private static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorCode code, String detail, HttpHeaders headers) {
        return ResponseEntity.status(code.status()).headers(headers)
                .body(ProblemDetailsAdvice.problem(code, detail, List.of()));
    }
}
