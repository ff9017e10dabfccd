package vn.ndp.registry.shared;

import org.springframework.http.HttpStatus;

/**
 * Every error the registry reports, with a stable code. The code is the last
 * segment of the problem {@code type} URI, so clients can rely on it.
 */
public enum ErrorCode {
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid request parameter"),
    INVALID_BODY(HttpStatus.BAD_REQUEST, "Invalid request body"),
    PLATFORM_NOT_FOUND(HttpStatus.NOT_FOUND, "Platform not found"),
    AGENCY_NOT_FOUND(HttpStatus.NOT_FOUND, "Agency not found"),
    IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "Import rejected"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
