package vn.ndp.protocol.errors;

import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body a gateway returns for an error of its own: {@code {"type", "message", "detail"}}.
 * {@code type} is kept as a string so that an error relayed from another gateway survives
 * unchanged even when this gateway does not know its type; {@code detail} is usually the id
 * under which the gateway logged the failure.
 */
public record XRoadError(String type, String message, String detail) {

    public static final String HEADER = "X-Road-Error";
    public static final String CONTENT_TYPE = "application/json;charset=utf-8";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public XRoadError {
        Objects.requireNonNull(type, "type");
        message = message == null ? "" : message;
        detail = detail == null ? "" : detail;
    }

    public static XRoadError of(XRoadErrorType type, String message, String detail) {
        return new XRoadError(type.code(), message, detail);
    }

    /** The known type, empty for a type this gateway does not know. */
    public Optional<XRoadErrorType> knownType() {
        return XRoadErrorType.fromCode(type);
    }

    /** 400 for {@code Client.*}, 500 for everything else, as section 4.6 requires. */
    public int httpStatus() {
        return type.startsWith(ErrorOrigin.CLIENT.prefix() + ".") ? 400 : 500;
    }

    public String headerValue() {
        return type;
    }

    public String toJson() {
        var node = JSON.createObjectNode();
        node.put("type", type);
        node.put("message", message);
        node.put("detail", detail);
        return JSON.writeValueAsString(node);
    }

    /** Reads an error body; throws {@link IllegalArgumentException} when it is not one. */
    public static XRoadError fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not an X-Road error body: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject() || !node.path("type").isString()) {
            throw new IllegalArgumentException("Not an X-Road error body: no string 'type'");
        }
        return new XRoadError(node.path("type").asString(), text(node, "message"), text(node, "detail"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
