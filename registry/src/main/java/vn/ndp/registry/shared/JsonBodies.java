package vn.ndp.registry.shared;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * A request body the JSON parser could not read, refused as every other refusal: INVALID_BODY naming where it went
 * wrong (the field's path, or the line and column) without the parser's internals (class names, constraints). Spring
 * reads most bodies ({@link ProblemDetailsAdvice}); a controller that reads its own (after its authorization) refuses
 * with the same words.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * What was wrong with a body the parser could not read ({@code json}), or with one it never read (null): the
     * field's path and what it must be, or, where the resource's own constructor refused the object at that path,
     * the constructor's words.
     */
    public static RegistryException unreadable(JacksonException json) {
        if (json != null && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = switch (json) {
                case UnrecognizedPropertyException unknown -> "is not a field of this resource.";
                case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                        "must be " + expected(mismatch.getTargetType()) + ".";
                case ValueInstantiationException refused when refused.getCause() instanceof IllegalArgumentException
                        rule && rule.getMessage() != null -> rule.getMessage() + ".";
                default -> "cannot be read as given.";
            };
            return new RegistryException(ErrorCode.INVALID_BODY, field + ": " + message,
                    List.of(RegistryException.FieldError.of(field, message)));
        }
        if (json instanceof StreamReadException syntax && syntax.getLocation() != null) {
            return new RegistryException(ErrorCode.INVALID_BODY, "The body is not valid JSON (line "
                    + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr() + ").");
        }
        return new RegistryException(ErrorCode.INVALID_BODY,
                "The body is missing or is not a JSON document of this resource.");
    }

    /** A JSON type as a person names it. */
    private static String expected(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
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
}
