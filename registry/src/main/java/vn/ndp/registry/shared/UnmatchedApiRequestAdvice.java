package vn.ndp.registry.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An API request that no handler takes, for its method or its content type, still gets problem+json naming what the
 * address accepts. Spring finds no handler for it, so {@link ProblemDetailsAdvice}, which applies to API controllers,
 * is never asked (and Spring Boot's own problem handler stands down because that advice exists). Pages keep Spring's
 * answer.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmatchedApiRequestAdvice {

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
