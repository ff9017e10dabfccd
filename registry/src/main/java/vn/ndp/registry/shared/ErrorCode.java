package vn.ndp.registry.shared;

import org.springframework.http.HttpStatus;

/**
 * Every error the registry reports, with a stable code. The code is the last
 * segment of the problem {@code type} URI, so clients can rely on it.
 */
public enum ErrorCode {
    /**
     * A parameter with a bad value, or, in the API's query, one the resource does not take or a single-valued one
     * given twice ({@link StrictQueryParameters}).
     */
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid request parameter"),
    INVALID_BODY(HttpStatus.BAD_REQUEST, "Invalid request body"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type not accepted"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    PLATFORM_NOT_FOUND(HttpStatus.NOT_FOUND, "Platform not found"),
    PLATFORM_CODE_TAKEN(HttpStatus.CONFLICT, "Platform code already in the catalogue"),
    AGENCY_NOT_FOUND(HttpStatus.NOT_FOUND, "Agency not found"),
    /** A province that has become part of another since: nothing new is declared under it, only for its successor. */
    PROVINCE_MERGED(HttpStatus.CONFLICT, "Province merged into another"),
    /**
     * An agency that no longer exists (merged into another, renamed, split, or ended): nothing new is created for it.
     * The code keeps the name clients already match on; the title and detail say how it ended.
     */
    AGENCY_MERGED(HttpStatus.CONFLICT, "Agency no longer exists"),
    /** An agency formed after the day something would be given to it (a transfer that takes effect before it existed). */
    AGENCY_NOT_FORMED(HttpStatus.CONFLICT, "Agency not formed yet on that day"),
    /** A change stated to take effect after today: the registry records what has taken effect, not what will. */
    EFFECTIVE_DATE_IN_FUTURE(HttpStatus.BAD_REQUEST, "Effective date in the future"),
    /**
     * A change stated to take effect before the platform was listed, or before the latest owner or status change
     * it would follow: a platform's history stays in order.
     */
    EFFECTIVE_DATE_OUT_OF_ORDER(HttpStatus.CONFLICT, "Effective date before the platform's listing or latest change"),
    IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "Import rejected"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND, "Account not found"),
    USERNAME_TAKEN(HttpStatus.CONFLICT, "Username already taken"),
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST, "Password too weak"),
    WRONG_PASSWORD(HttpStatus.BAD_REQUEST, "Current password is wrong"),
    AUTHENTICATION_REQUIRED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
    OUT_OF_SCOPE(HttpStatus.FORBIDDEN, "Outside your scope"),
    TOKEN_NOT_FOUND(HttpStatus.NOT_FOUND, "API token not found"),
    CONCURRENT_CHANGE(HttpStatus.CONFLICT, "Changed by someone else"),
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "Not allowed in this state"),
    PROPOSAL_NOT_FOUND(HttpStatus.NOT_FOUND, "Proposal not found"),
    DOCUMENT_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "Document rejected"),
    /** A stored document whose bytes are missing or no longer match their recorded SHA-256: never served. */
    DOCUMENT_UNREADABLE(HttpStatus.INTERNAL_SERVER_ERROR, "Stored document missing or altered"),
    /** The document directory could not take a new document; nothing was attached. */
    DOCUMENT_STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Document storage unavailable"),
    LIST_VERSION_NOT_FOUND(HttpStatus.NOT_FOUND, "List version not found"),
    /** A list version was already published from the same document (number and issuer). */
    LIST_DOCUMENT_PUBLISHED(HttpStatus.CONFLICT, "Document already published as a list version"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    SUPPORT_REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND, "Support request not found"),
    OVERLAP_NOT_CONFIRMED(HttpStatus.CONFLICT, "Duplicates or overlaps a national platform: confirm to save anyway"),
    GATEWAY_UNREACHABLE(HttpStatus.BAD_GATEWAY, "Gateway unreachable"),
    /** A platform's change request identical to one that already waits for review (a form sent twice). */
    CHANGE_REQUEST_PENDING(HttpStatus.CONFLICT, "Identical change request already pending"),
    /** The same client already waits for a decision on the same service and endpoint. */
    ACCESS_REQUEST_PENDING(HttpStatus.CONFLICT, "Access request already pending"),
    /** The client already holds the access right it asks for. */
    ACCESS_ALREADY_GRANTED(HttpStatus.CONFLICT, "Access right already held"),
    /** A member, subsystem, gateway or service registered again under an identifier the directory already has. */
    DIRECTORY_ENTRY_EXISTS(HttpStatus.CONFLICT, "Already in the exchange directory"),
    /** An Accept header naming no type the resource answers in. */
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "No acceptable answer type"),
    /** A request body larger than the server takes in one request. */
    CONTENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request too large"),
    /**
     * A request the server refused with a client error no other code is for; the problem's status is the one the
     * server answered with.
     */
    REQUEST_REFUSED(HttpStatus.BAD_REQUEST, "Request refused"),
    /**
     * The server failed to answer; the problem's status is the one it answered with (500, or another 5xx). What
     * failed is in the server's log, never in the answer.
     */
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

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
