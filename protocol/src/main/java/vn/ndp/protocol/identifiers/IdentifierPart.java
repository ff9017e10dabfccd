package vn.ndp.protocol.identifiers;

/** The parts an exchange identifier is made of, in wire order. */
public enum IdentifierPart {
    INSTANCE("instance"),
    MEMBER_CLASS("member class"),
    MEMBER_CODE("member code"),
    SUBSYSTEM_CODE("subsystem code"),
    SERVICE_CODE("service code"),
    GATEWAY_CODE("gateway code");

    private final String label;

    IdentifierPart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
