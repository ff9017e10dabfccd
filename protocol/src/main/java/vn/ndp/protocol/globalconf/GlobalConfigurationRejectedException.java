package vn.ndp.protocol.globalconf;

/**
 * A downloaded global configuration that the gateway must not use; it keeps the previous one.
 * {@link #reason()} says why.
 */
public final class GlobalConfigurationRejectedException extends Exception {

    /** Why a global configuration was rejected. */
    public enum Reason {
        /** Not a CMS SignedData with one signer and encapsulated JSON, or the JSON is not a configuration. */
        MALFORMED,
        /** Signed by a key other than the configured anchor's. */
        UNTRUSTED_SIGNER,
        /** The signature does not match the content: the bytes were changed, or the algorithm is refused. */
        BAD_SIGNATURE,
        /** The anchor certificate was not valid when the document was signed, or is not valid now. */
        SIGNER_CERTIFICATE_NOT_VALID,
        /** The document is for another exchange instance. */
        WRONG_INSTANCE,
        /** The document's {@code expiresAt} has passed. */
        EXPIRED,
        /** The document's version is older than the last one accepted. */
        ROLLBACK
    }

    private final Reason reason;

    GlobalConfigurationRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    GlobalConfigurationRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
