package vn.ndp.protocol.identifiers;

import java.util.Arrays;
import java.util.stream.Collectors;

import vn.ndp.protocol.identifiers.InvalidIdentifierException.Reason;

/** The kinds of member that may join the exchange. */
public enum MemberClass {
    /** State bodies; the member code is the agency's official electronic code, e.g. {@code 000.00.00.H49}. */
    GOV,
    /** Enterprises; the member code is the tax code. */
    COM,
    /** Other organisations. */
    ORG;

    public static MemberClass of(String code) {
        IdentifierRules.check(IdentifierPart.MEMBER_CLASS, code);
        for (MemberClass memberClass : values()) {
            if (memberClass.name().equals(code)) {
                return memberClass;
            }
        }
        throw new InvalidIdentifierException(IdentifierPart.MEMBER_CLASS, Reason.UNKNOWN_MEMBER_CLASS, code,
                "The member class '" + code + "' is unknown; expected one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
