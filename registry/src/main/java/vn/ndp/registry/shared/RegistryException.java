package vn.ndp.registry.shared;

import java.util.List;

/** A failure with a stable {@link ErrorCode}; rendered as problem+json by the API. */
public class RegistryException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;

    public RegistryException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public RegistryException(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static RegistryException notFound(ErrorCode code, String what, String id) {
        return new RegistryException(code, "No " + what + " has the code '" + id + "'.");
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One bad input: the parameter, column or field, where it was (line, if any) and why. */
    public record FieldError(String field, Integer line, String message) {

        public static FieldError of(String field, String message) {
            return new FieldError(field, null, message);
        }
    }
}
