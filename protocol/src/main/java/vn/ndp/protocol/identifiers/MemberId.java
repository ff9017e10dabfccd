package vn.ndp.protocol.identifiers;

import java.util.Objects;

/** A member: {@code VN/GOV/000.00.00.H49}. */
public record MemberId(String instance, MemberClass memberClass, String memberCode)
        implements ExchangeId, Comparable<MemberId> {

    public MemberId {
        IdentifierRules.check(IdentifierPart.INSTANCE, instance);
        Objects.requireNonNull(memberClass, "memberClass");
        IdentifierRules.check(IdentifierPart.MEMBER_CODE, memberCode);
    }

    public static MemberId of(String instance, MemberClass memberClass, String memberCode) {
        return new MemberId(instance, memberClass, memberCode);
    }

    /** Parses {@code INSTANCE/CLASS/CODE}, accepting any instance. */
    public static MemberId parse(String text) {
        return IdentifierParser.anyInstance().member(text);
    }

    public SubsystemId subsystem(String subsystemCode) {
        return new SubsystemId(this, subsystemCode);
    }

    @Override
    public MemberId member() {
        return this;
    }

    @Override
    public String encoded() {
        return instance + "/" + memberClass + "/" + memberCode;
    }

    @Override
    public int compareTo(MemberId other) {
        return encoded().compareTo(other.encoded());
    }

    @Override
    public String toString() {
        return encoded();
    }
}
