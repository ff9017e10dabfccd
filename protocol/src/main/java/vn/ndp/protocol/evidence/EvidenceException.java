package vn.ndp.protocol.evidence;

/** A message log or evidence file is malformed or does not verify; the message says where and why. */
public final class EvidenceException extends RuntimeException {

    public EvidenceException(String message) {
        super(message);
    }

    public EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
