package vn.ndp.registry.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A failure with a stable {@link ErrorCode}; rendered as problem+json by the API, whose detail is the English
 * message. Where the code's sentence on a page cannot say what was refused (which file, and why), the failure also
 * carries that as a {@link Said} sentence of the message files, in the reader's language.
 */
public class RegistryException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Said said;

    public RegistryException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public RegistryException(ErrorCode code, String detail, List<FieldError> errors) {
        this(code, detail, errors, null);
    }

    /** A failure whose detail a page says in the reader's language with {@code said}. */
    public RegistryException(ErrorCode code, String detail, Said said) {
        this(code, detail, List.of(), said);
    }

    private RegistryException(ErrorCode code, String detail, List<FieldError> errors, Said said) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.said = said;
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

    /** The detail as a page says it in the reader's language, or null where the code's own sentence suffices. */
    public Said said() {
        return said;
    }

    /** A sentence of the message files ({@code key}) and the values it quotes ({0}, {1}...), as MessageFormat takes them. */
    public record Said(String key, List<Object> arguments) {

        /** A value may be null (a file sent without a name, say): the sentence still says what was refused. */
        public static Said of(String key, Object... arguments) {
            return new Said(key, Collections.unmodifiableList(Arrays.asList(arguments.clone())));
        }
    }

    /**
     * A value a page names by its label, the message {@code key} ({@code proposal.status.submitted}), rather than as
     * stored ({@code SUBMITTED}): an argument of a {@link Said} sentence.
     */
    public record Label(String key) {

        /** The label of a state or kind: {@code prefix} followed by the constant's name in lower case. */
        public static Label of(String prefix, Enum<?> constant) {
            return new Label(prefix + constant.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String toString() {
            return key;
        }
    }

    /**
     * One bad input: the parameter, column or field, where it was (line, if any) and why; {@code said}, where a page
     * says why in the reader's language with a sentence of its own (else null: the API's {@code message}).
     */
    public record FieldError(String field, Integer line, String message, Said said) {

        public FieldError(String field, Integer line, String message) {
            this(field, line, message, null);
        }

        public static FieldError of(String field, String message) {
            return new FieldError(field, null, message);
        }

        /** The problem with {@code field}, which a page says with {@code said} in the reader's language. */
        public static FieldError of(String field, String message, Said said) {
            return new FieldError(field, null, message, said);
        }
    }
}
