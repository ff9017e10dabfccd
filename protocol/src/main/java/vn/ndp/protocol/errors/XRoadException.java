package vn.ndp.protocol.errors;

import java.util.Objects;

/**
 * A failure that a gateway reports to the caller as an X-Road error. The message goes into the
 * response; keep secrets and stack details out of it.
 */
public class XRoadException extends RuntimeException {

    private final XRoadErrorType type;
    private final String detail;

    public XRoadException(XRoadErrorType type, String message) {
        this(type, message, "", null);
    }

    public XRoadException(XRoadErrorType type, String message, Throwable cause) {
        this(type, message, "", cause);
    }

    public XRoadException(XRoadErrorType type, String message, String detail, Throwable cause) {
        super(message, cause);
        this.type = Objects.requireNonNull(type, "type");
        this.detail = detail == null ? "" : detail;
    }

    public XRoadErrorType type() {
        return type;
    }

    public int httpStatus() {
        return type.httpStatus();
    }

    /** The response body, with {@code detail} set to the given id unless this exception carries its own. */
    public XRoadError toError(String errorId) {
        return XRoadError.of(type, getMessage(), detail.isEmpty() ? errorId : detail);
    }

    public XRoadError toError() {
        return XRoadError.of(type, getMessage(), detail);
    }
}
