package vn.ndp.protocol.identifiers;

import java.util.Objects;

/**
 * A service offered by a provider subsystem: {@code VN/GOV/000.00.00.H49/dichvucong/hoso},
 * addressed on the wire as {@code /r1/VN/GOV/000.00.00.H49/dichvucong/hoso[/path]}.
 */
public record ServiceId(SubsystemId provider, String serviceCode) implements ExchangeId, Comparable<ServiceId> {

    public ServiceId {
        Objects.requireNonNull(provider, "provider");
        IdentifierRules.check(IdentifierPart.SERVICE_CODE, serviceCode);
    }

    /** Parses {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE}, accepting any instance. */
    public static ServiceId parse(String text) {
        return IdentifierParser.anyInstance().service(text);
    }

    @Override
    public String instance() {
        return provider.instance();
    }

    @Override
    public MemberId member() {
        return provider.member();
    }

    @Override
    public String encoded() {
        return provider.encoded() + "/" + serviceCode;
    }

    @Override
    public int compareTo(ServiceId other) {
        return encoded().compareTo(other.encoded());
    }

    @Override
    public String toString() {
        return encoded();
    }
}
