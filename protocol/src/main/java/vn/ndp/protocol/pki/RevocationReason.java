package vn.ndp.protocol.pki;

/** RFC 5280 CRLReason values that the national CA records. */
public enum RevocationReason {
    UNSPECIFIED("unspecified", 0),
    KEY_COMPROMISE("keyCompromise", 1),
    CA_COMPROMISE("cACompromise", 2),
    AFFILIATION_CHANGED("affiliationChanged", 3),
    SUPERSEDED("superseded", 4),
    CESSATION_OF_OPERATION("cessationOfOperation", 5);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    public String rfcName() {
        return rfcName;
    }

    public int code() {
        return code;
    }

    /** Accepts the RFC 5280 name ({@code keyCompromise}) or the constant name ({@code KEY_COMPROMISE}). */
    public static RevocationReason parse(String text) {
        for (RevocationReason reason : values()) {
            if (reason.rfcName.equalsIgnoreCase(text) || reason.name().equalsIgnoreCase(text)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("Unknown revocation reason '" + text
                + "'; expected one of unspecified, keyCompromise, cACompromise, affiliationChanged, superseded, cessationOfOperation");
    }
}
