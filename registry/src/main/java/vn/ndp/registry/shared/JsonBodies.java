package vn.ndp.registry.shared;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body the JSON parser could not read, refused as every other refusal: INVALID_BODY naming where it went
 * wrong (the field's path, or the line and column) without the parser's internals (class names, constraints). Spring
 * reads most bodies ({@link ProblemDetailsAdvice}); a controller that reads its own (after its authorization) refuses
 * with the same words. Every body is read strictly ({@link #strict}): a field the resource does not have, or a field
 * given twice, is refused by name rather than ignored or taken as its last value.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The rules every API body is read by, added to {@code builder}: a field given twice in one object is refused
     * (not its last value taken silently), as is a field the resource does not have (not ignored, so that a
     * misspelt optional field is noticed). Spring's reader of request bodies has them
     * ({@link StrictJsonBodies}); a resource that reads its own body builds its reader with them.
     */
    public static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * What was wrong with a body the parser could not read ({@code json}), or with one it never read (null): the
     * field's path and what it must be, or, where the resource's own constructor refused the object at that path,
     * the constructor's words.
     */
    public static RegistryException unreadable(JacksonException json) {
        if (json instanceof StreamReadException duplicate && duplicate.processor() instanceof JsonParser parser
                && duplicate.getOriginalMessage() != null
                && duplicate.getOriginalMessage().startsWith("Duplicate Object property")) {
            String field = path(parser.streamReadContext());
            String message = "is given more than once; give each field once.";
            return new RegistryException(ErrorCode.INVALID_BODY, field + ": " + message,
                    List.of(RegistryException.FieldError.of(field, message)));
        }
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

    /** The field a parser is at, named as {@link #unreadable} names fields: {@code fields.name_vi}, {@code a[1].b}. */
    private static String path(TokenStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String part = at.inObject() ? "." + at.currentName() : "[" + at.getCurrentIndex() + "]";
            path.insert(0, part);
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
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
