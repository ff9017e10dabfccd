package vn.ndp.registry.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Renders every API error as RFC 9457 problem+json with a stable type. */
@RestControllerAdvice(annotations = ProblemApi.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://ndp.dx.gov.vn/problems/";

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<ProblemDetail> registryException(RegistryException e) {
        return ResponseEntity.status(e.code().status()).body(problem(e.code(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid value.";
        return ResponseEntity.badRequest().body(problem(ErrorCode.INVALID_PARAMETER, e.getName() + ": " + message,
                List.of(RegistryException.FieldError.of(e.getName(), message))));
    }

    /** A body that is not JSON, or whose JSON does not fit the resource, as {@link JsonBodies#unreadable} says it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        RegistryException refusal = JsonBodies.unreadable((JacksonException) cause);
        return ResponseEntity.badRequest().body(problem(refusal.code(), refusal.getMessage(), refusal.errors()));
    }

    static ProblemDetail problem(ErrorCode code, String detail, List<RegistryException.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(URI.create(TYPE_BASE + code.slug()));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(ProblemDetailsAdvice::asMap).toList());
        }
        return problem;
    }

    private static Map<String, Object> asMap(RegistryException.FieldError error) {
        return error.line() == null
                ? Map.of("field", error.field(), "message", error.message())
                : Map.of("field", error.field(), "line", error.line(), "message", error.message());
    }
}
