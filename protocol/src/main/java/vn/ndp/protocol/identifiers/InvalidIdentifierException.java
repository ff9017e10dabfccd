package vn.ndp.protocol.identifiers;

import java.util.Optional;

/**
 * An identifier that does not follow the exchange rules. {@link #part()} says which part is
 * wrong (empty when the shape as a whole is wrong) and {@link #reason()} says why.
 */
public final class InvalidIdentifierException extends RuntimeException {

    /** Why an identifier was refused. */
    public enum Reason {
        WRONG_NUMBER_OF_PARTS,
        EMPTY_PART,
        PART_TOO_LONG,
        FORBIDDEN_CHARACTER,
        MALFORMED_PERCENT_ENCODING,
        UNKNOWN_MEMBER_CLASS,
        WRONG_INSTANCE
    }

    private final IdentifierPart part;
    private final Reason reason;
    private final String input;

    InvalidIdentifierException(IdentifierPart part, Reason reason, String input, String message) {
        super(message);
        this.part = part;
        this.reason = reason;
        this.input = input;
    }

    public Optional<IdentifierPart> part() {
        return Optional.ofNullable(part);
    }

    public Reason reason() {
        return reason;
    }

    /** The text that was refused, as received. */
    public String input() {
        return input;
    }
}
