package vn.ndp.registry.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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

    /**
     * A body that is not JSON, or whose JSON does not fit the resource, as every other refusal: problem+json with a
     * stable type, naming where it went wrong (the field's path, or the line and column) without the parser's
     * internals (class names, constraints).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(e.getMostSpecificCause()));
    }

    static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = switch (json) {
                case UnrecognizedPropertyException unknown -> "is not a field of this resource.";
                case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                        "must be " + expected(mismatch.getTargetType()) + ".";
                default -> "cannot be read as given.";
            };
            return problem(ErrorCode.INVALID_BODY, field + ": " + message,
                    List.of(RegistryException.FieldError.of(field, message)));
        }
        if (cause instanceof StreamReadException syntax && syntax.getLocation() != null) {
            return problem(ErrorCode.INVALID_BODY, "The body is not valid JSON (line " + syntax.getLocation().getLineNr()
                    + ", column " + syntax.getLocation().getColumnNr() + ").", List.of());
        }
        return problem(ErrorCode.INVALID_BODY, "The body is missing or is not a JSON document of this resource.",
                List.of());
    }

    /** A JSON type as a person names it. */
    private static String expected(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601 (2025-07-01)";
        }
        return "an object";
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
