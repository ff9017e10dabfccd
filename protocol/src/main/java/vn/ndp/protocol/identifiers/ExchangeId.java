package vn.ndp.protocol.identifiers;

/**
 * An identifier on the exchange. {@link #encoded()} is the wire form with each part
 * percent-encoded, which, for parts that pass the character rules, equals the plain form.
 */
public sealed interface ExchangeId permits MemberId, SubsystemId, ServiceId, GatewayId {

    String instance();

    MemberId member();

    String encoded();
}
