package vn.ndp.protocol.pki;

/** A CA operation that cannot be done, with a reason the command line can report. */
public final class NationalCaException extends RuntimeException {

    /** Why the operation was refused. */
    public enum Reason {
        NOT_INITIALISED,
        ALREADY_INITIALISED,
        UNKNOWN_SERIAL,
        ALREADY_REVOKED,
        INVALID_REQUEST,
        STORAGE_FAILED
    }

    private final Reason reason;

    NationalCaException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    NationalCaException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
