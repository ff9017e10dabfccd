package vn.ndp.gateway.config;

/** A gateway configuration file that cannot be used; the message names the key and says why. */
public final class ConfigurationException extends RuntimeException {

    private final String key;

    public ConfigurationException(String key, String message) {
        super((key == null || key.isEmpty() ? "" : key + ": ") + message);
        this.key = key == null ? "" : key;
    }

    /** The offending key as a JSON path, e.g. {@code clients[1].subsystem}; empty for the file as a whole. */
    public String key() {
        return key;
    }
}
