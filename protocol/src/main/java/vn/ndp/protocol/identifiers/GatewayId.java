package vn.ndp.protocol.identifiers;

import java.util.Objects;

/**
 * A gateway (an LGSP node, X-Road's security server) and the member that owns it:
 * {@code VN/GOV/000.00.00.H49/lgsp1}. The owner may host the subsystems of other members.
 */
public record GatewayId(MemberId owner, String gatewayCode) implements ExchangeId, Comparable<GatewayId> {

    public GatewayId {
        Objects.requireNonNull(owner, "owner");
        IdentifierRules.check(IdentifierPart.GATEWAY_CODE, gatewayCode);
    }

    /** Parses {@code INSTANCE/CLASS/MEMBER/GATEWAY}, accepting any instance. */
    public static GatewayId parse(String text) {
        return IdentifierParser.anyInstance().gateway(text);
    }

    @Override
    public String instance() {
        return owner.instance();
    }

    @Override
    public MemberId member() {
        return owner;
    }

    @Override
    public String encoded() {
        return owner.encoded() + "/" + gatewayCode;
    }

    @Override
    public int compareTo(GatewayId other) {
        return encoded().compareTo(other.encoded());
    }

    @Override
    public String toString() {
        return encoded();
    }
}
