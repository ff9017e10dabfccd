package vn.ndp.protocol.identifiers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import vn.ndp.protocol.identifiers.InvalidIdentifierException.Reason;

/**
 * Parses the wire forms of identifiers for one exchange instance. Parts are separated by
 * {@code /} and each part is percent-decoded (UTF-8) before the character rules apply, so an
 * encoded slash or control character is refused just like a literal one.
 */
public final class IdentifierParser {

    private static final IdentifierParser ANY_INSTANCE = new IdentifierParser(null);
    private static final IdentifierPart[] SERVICE_PARTS = {IdentifierPart.INSTANCE, IdentifierPart.MEMBER_CLASS,
            IdentifierPart.MEMBER_CODE, IdentifierPart.SUBSYSTEM_CODE, IdentifierPart.SERVICE_CODE};
    private static final IdentifierPart[] GATEWAY_PARTS = {IdentifierPart.INSTANCE, IdentifierPart.MEMBER_CLASS,
            IdentifierPart.MEMBER_CODE, IdentifierPart.GATEWAY_CODE};

    private final String instance;

    private IdentifierParser(String instance) {
        this.instance = instance;
    }

    /** A parser that accepts only identifiers of {@code instance}, e.g. {@code VN}. */
    public static IdentifierParser forInstance(String instance) {
        return new IdentifierParser(IdentifierRules.check(IdentifierPart.INSTANCE, instance));
    }

    /** A parser that accepts identifiers of any instance. */
    public static IdentifierParser anyInstance() {
        return ANY_INSTANCE;
    }

    public MemberId member(String text) {
        String[] parts = split(text, SERVICE_PARTS, 3, "INSTANCE/CLASS/MEMBER");
        return memberOf(parts, text);
    }

    /** Parses the value of an {@code X-Road-Client} header. */
    public SubsystemId client(String text) {
        String[] parts = split(text, SERVICE_PARTS, 4, "INSTANCE/CLASS/MEMBER/SUBSYSTEM");
        return new SubsystemId(memberOf(parts, text), parts[3]);
    }

    /** Parses a service identifier as it appears in {@code /r1/{serviceId}} or {@code X-Road-Service}. */
    public ServiceId service(String text) {
        String[] parts = split(text, SERVICE_PARTS, 5, "INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE");
        return new ServiceId(new SubsystemId(memberOf(parts, text), parts[3]), parts[4]);
    }

    /** Parses a gateway identifier, {@code INSTANCE/CLASS/MEMBER/GATEWAY}, as in {@code X-Road-Security-Server}. */
    public GatewayId gateway(String text) {
        String[] parts = split(text, GATEWAY_PARTS, 4, "INSTANCE/CLASS/MEMBER/GATEWAY");
        return new GatewayId(memberOf(parts, text), parts[3]);
    }

    /**
     * Splits the raw request path that follows {@code /r1} into the service and the remaining
     * path: {@code /VN/GOV/000.00.00.H49/sub/svc/v1/items?x} gives the service and {@code /v1/items}.
     * A query string, if present, is not part of the input.
     */
    public ServiceRequestTarget target(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            throw new InvalidIdentifierException(null, Reason.WRONG_NUMBER_OF_PARTS, rawPath,
                    "The request path names no service; expected /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/path]");
        }
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int end = -1;
        for (int slash = 0; slash < 5; slash++) {
            end = path.indexOf('/', end + 1);
            if (end < 0) {
                end = slash == 4 ? path.length() : -1;
                break;
            }
        }
        if (end < 0) {
            throw new InvalidIdentifierException(null, Reason.WRONG_NUMBER_OF_PARTS, rawPath,
                    "The request path '" + IdentifierRules.printable(rawPath)
                            + "' does not name a service; expected /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/path]");
        }
        return new ServiceRequestTarget(service(path.substring(0, end)), path.substring(end));
    }

    private MemberId memberOf(String[] parts, String text) {
        String partInstance = IdentifierRules.check(IdentifierPart.INSTANCE, parts[0]);
        if (instance != null && !instance.equals(partInstance)) {
            throw new InvalidIdentifierException(IdentifierPart.INSTANCE, Reason.WRONG_INSTANCE, text,
                    "The instance '" + partInstance + "' is not this exchange's instance '" + instance + "'");
        }
        return new MemberId(partInstance, MemberClass.of(parts[1]), parts[2]);
    }

    private static String[] split(String text, IdentifierPart[] names, int expected, String shape) {
        if (text == null || text.isEmpty()) {
            throw new InvalidIdentifierException(null, Reason.WRONG_NUMBER_OF_PARTS, text,
                    "The identifier is empty; expected " + shape);
        }
        String[] raw = new String[expected];
        int parts = 0;
        int from = 0;
        while (true) {
            int slash = text.indexOf('/', from);
            if (parts < expected) {
                raw[parts] = text.substring(from, slash < 0 ? text.length() : slash);
            }
            parts++;
            if (slash < 0) {
                break;
            }
            from = slash + 1;
        }
        if (parts != expected) {
            throw new InvalidIdentifierException(null, Reason.WRONG_NUMBER_OF_PARTS, text,
                    "The identifier '" + IdentifierRules.printable(text) + "' has " + parts + " part"
                            + (parts == 1 ? "" : "s") + "; expected " + shape);
        }
        for (int i = 0; i < expected; i++) {
            raw[i] = percentDecode(names[i], raw[i]);
        }
        return raw;
    }

    private static String percentDecode(IdentifierPart part, String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new InvalidIdentifierException(part, Reason.MALFORMED_PERCENT_ENCODING, raw,
                            "The " + part.label() + " '" + IdentifierRules.printable(raw)
                                    + "' has a '%' that is not followed by two hexadecimal digits");
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                return IdentifierRules.check(part, raw);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Arrays.copyOf(bytes, length)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidIdentifierException(part, Reason.MALFORMED_PERCENT_ENCODING, raw,
                    "The " + part.label() + " '" + IdentifierRules.printable(raw)
                            + "' percent-encodes bytes that are not UTF-8");
        }
    }
}
