package vn.ndp.protocol.errors;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The error types a gateway may return, named as X-Road names them ({@code ErrorCodes} in the
 * X-Road source). The names are a public contract: never rename one. {@code OutOfCapacity} is NDP's
 * own: the gateway is handling as many exchanges as it is configured to hold at once, and the caller
 * may try again.
 */
public enum XRoadErrorType {
    CLIENT_BAD_REQUEST(ErrorOrigin.CLIENT, "BadRequest"),
    CLIENT_INVALID_REQUEST(ErrorOrigin.CLIENT, "InvalidRequest"),
    CLIENT_MISSING_HEADER(ErrorOrigin.CLIENT, "MissingHeader"),
    CLIENT_INVALID_CLIENT_IDENTIFIER(ErrorOrigin.CLIENT, "InvalidClientIdentifier"),
    CLIENT_INVALID_HTTP_METHOD(ErrorOrigin.CLIENT, "InvalidHttpMethod"),
    CLIENT_INVALID_PROTOCOL_VERSION(ErrorOrigin.CLIENT, "InvalidProtocolVersion"),
    CLIENT_INVALID_BODY(ErrorOrigin.CLIENT, "InvalidBody"),
    CLIENT_SSL_AUTHENTICATION_FAILED(ErrorOrigin.CLIENT, "SslAuthenticationFailed"),

    CLIENT_PROXY_OUTDATED_GLOBAL_CONF(ErrorOrigin.CLIENT_PROXY, "OutdatedGlobalConf"),
    CLIENT_PROXY_MALFORMED_GLOBAL_CONF(ErrorOrigin.CLIENT_PROXY, "MalformedGlobalConf"),
    CLIENT_PROXY_UNKNOWN_MEMBER(ErrorOrigin.CLIENT_PROXY, "UnknownMember"),
    CLIENT_PROXY_UNKNOWN_SERVICE(ErrorOrigin.CLIENT_PROXY, "UnknownService"),
    CLIENT_PROXY_SSL_AUTHENTICATION_FAILED(ErrorOrigin.CLIENT_PROXY, "SslAuthenticationFailed"),
    CLIENT_PROXY_NETWORK_ERROR(ErrorOrigin.CLIENT_PROXY, "NetworkError"),
    CLIENT_PROXY_SERVICE_FAILED(ErrorOrigin.CLIENT_PROXY, "ServiceFailed"),
    CLIENT_PROXY_INCONSISTENT_RESPONSE(ErrorOrigin.CLIENT_PROXY, "InconsistentResponse"),
    CLIENT_PROXY_INTERNAL_ERROR(ErrorOrigin.CLIENT_PROXY, "InternalError"),
    CLIENT_PROXY_OUT_OF_CAPACITY(ErrorOrigin.CLIENT_PROXY, "OutOfCapacity"),

    SERVER_PROXY_OUTDATED_GLOBAL_CONF(ErrorOrigin.SERVER_PROXY, "OutdatedGlobalConf"),
    SERVER_PROXY_UNKNOWN_MEMBER(ErrorOrigin.SERVER_PROXY, "UnknownMember"),
    SERVER_PROXY_UNKNOWN_SERVICE(ErrorOrigin.SERVER_PROXY, "UnknownService"),
    SERVER_PROXY_ACCESS_DENIED(ErrorOrigin.SERVER_PROXY, "AccessDenied"),
    SERVER_PROXY_SSL_AUTHENTICATION_FAILED(ErrorOrigin.SERVER_PROXY, "SslAuthenticationFailed"),
    SERVER_PROXY_SERVICE_MISSING_URL(ErrorOrigin.SERVER_PROXY, "ServiceMissingUrl"),
    SERVER_PROXY_SERVICE_FAILED(ErrorOrigin.SERVER_PROXY, "ServiceFailed"),
    SERVER_PROXY_NETWORK_ERROR(ErrorOrigin.SERVER_PROXY, "NetworkError"),
    SERVER_PROXY_DATABASE_ERROR(ErrorOrigin.SERVER_PROXY, "DatabaseError"),
    SERVER_PROXY_INTERNAL_ERROR(ErrorOrigin.SERVER_PROXY, "InternalError"),
    SERVER_PROXY_OUT_OF_CAPACITY(ErrorOrigin.SERVER_PROXY, "OutOfCapacity");

    private static final Map<String, XRoadErrorType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(XRoadErrorType::code, Function.identity()));

    private final ErrorOrigin origin;
    private final String code;

    XRoadErrorType(ErrorOrigin origin, String name) {
        this.origin = origin;
        this.code = origin.prefix() + "." + name;
    }

    /** The wire name, e.g. {@code Server.ClientProxy.OutdatedGlobalConf}. */
    public String code() {
        return code;
    }

    public ErrorOrigin origin() {
        return origin;
    }

    public int httpStatus() {
        return origin.httpStatus();
    }

    /** The value of the {@code X-Road-Error} response header. */
    public String headerValue() {
        return code;
    }

    public static Optional<XRoadErrorType> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
