package vn.ndp.protocol.globalconf;

import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.ServiceId;
import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * The canonical JSON form of a {@link GlobalConfiguration}: UTF-8, object keys in alphabetical
 * order, lists in the model's sort order, absent values left out, instants in ISO-8601 UTC,
 * identifiers in their wire form, no whitespace. Equal configurations give equal bytes.
 * Unknown fields are ignored when reading, so that older gateways read newer documents.
 */
public final class GlobalConfigurationJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .addModule(identifiers())
            .build();

    private GlobalConfigurationJson() {
    }

    public static byte[] write(GlobalConfiguration configuration) {
        return JSON.writeValueAsBytes(configuration);
    }

    /** Reads a configuration; throws {@link IllegalArgumentException} naming what is wrong. */
    public static GlobalConfiguration read(byte[] json) {
        try {
            GlobalConfiguration configuration = JSON.readValue(json, GlobalConfiguration.class);
            if (configuration == null) {
                throw new IllegalArgumentException("The global configuration is empty");
            }
            return configuration;
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("Malformed global configuration: "
                    + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
        }
    }

    private static SimpleModule identifiers() {
        return new SimpleModule("ndp-identifiers")
                .addSerializer(MemberId.class, new ToStringSerializer(MemberId.class))
                .addSerializer(SubsystemId.class, new ToStringSerializer(SubsystemId.class))
                .addSerializer(ServiceId.class, new ToStringSerializer(ServiceId.class))
                .addSerializer(GatewayId.class, new ToStringSerializer(GatewayId.class))
                .addDeserializer(MemberId.class, fromString(MemberId::parse))
                .addDeserializer(SubsystemId.class, fromString(SubsystemId::parse))
                .addDeserializer(ServiceId.class, fromString(ServiceId::parse))
                .addDeserializer(GatewayId.class, fromString(GatewayId::parse));
    }

    private static <T> ValueDeserializer<T> fromString(Function<String, T> parse) {
        return new ValueDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return context.reportInputMismatch(this, "Expected an identifier string");
                }
                return parse.apply(parser.getString());
            }
        };
    }
}
