package vn.ndp.protocol.errors;

/** Where an X-Road error arose, as told by the prefix of its type. */
public enum ErrorOrigin {
    /** The consumer information system sent a request that breaks the protocol (category 3). */
    CLIENT("Client", 400),
    /** The consumer's gateway failed (category 4). */
    CLIENT_PROXY("Server.ClientProxy", 500),
    /** The provider's gateway failed, or the provider's backend could not answer (categories 2 and 4). */
    SERVER_PROXY("Server.ServerProxy", 500);

    private final String prefix;
    private final int httpStatus;

    ErrorOrigin(String prefix, int httpStatus) {
        this.prefix = prefix;
        this.httpStatus = httpStatus;
    }

    public String prefix() {
        return prefix;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
