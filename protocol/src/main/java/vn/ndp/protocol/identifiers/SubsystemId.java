package vn.ndp.protocol.identifiers;

import java.util.Objects;

/**
 * A member's subsystem, the unit that calls and provides services:
 * {@code VN/GOV/000.00.00.H49/dichvucong}. It is what the {@code X-Road-Client} header names.
 */
public record SubsystemId(MemberId member, String subsystemCode) implements ExchangeId, Comparable<SubsystemId> {

    public SubsystemId {
        Objects.requireNonNull(member, "member");
        IdentifierRules.check(IdentifierPart.SUBSYSTEM_CODE, subsystemCode);
    }

    public static SubsystemId of(String instance, MemberClass memberClass, String memberCode, String subsystemCode) {
        return new SubsystemId(new MemberId(instance, memberClass, memberCode), subsystemCode);
    }

    /** Parses {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM}, accepting any instance. */
    public static SubsystemId parse(String text) {
        return IdentifierParser.anyInstance().client(text);
    }

    public ServiceId service(String serviceCode) {
        return new ServiceId(this, serviceCode);
    }

    @Override
    public String instance() {
        return member.instance();
    }

    @Override
    public String encoded() {
        return member.encoded() + "/" + subsystemCode;
    }

    @Override
    public int compareTo(SubsystemId other) {
        return encoded().compareTo(other.encoded());
    }

    @Override
    public String toString() {
        return encoded();
    }
}
