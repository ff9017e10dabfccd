package vn.ndp.protocol.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ndp.protocol.identifiers.InvalidIdentifierException.Reason;

class IdentifierParserTests {

    private final IdentifierParser vn = IdentifierParser.forInstance("VN");

    @Test
    void clientHeaderOfAMinistrySubsystemParsesIntoItsParts() {
        SubsystemId client = vn.client("VN/GOV/000.00.00.H49/dichvucong");

        assertThat(client.instance()).isEqualTo("VN");
        assertThat(client.member().memberClass()).isEqualTo(MemberClass.GOV);
        assertThat(client.member().memberCode()).isEqualTo("000.00.00.H49");
        assertThat(client.subsystemCode()).isEqualTo("dichvucong");
        assertThat(client.encoded()).isEqualTo("VN/GOV/000.00.00.H49/dichvucong");
    }

    @Test
    void serviceIdentifierFormatsBackToTheTextItWasParsedFrom() {
        String text = "VN/COM/0101243150/billing/invoice.v2";

        ServiceId service = vn.service(text);

        assertThat(service.encoded()).isEqualTo(text);
        assertThat(service.toString()).isEqualTo(text);
        assertThat(service.provider()).isEqualTo(SubsystemId.of("VN", MemberClass.COM, "0101243150", "billing"));
        assertThat(service.serviceCode()).isEqualTo("invoice.v2");
    }

    @Test
    void everySymbolTheSpecificationAllowsIsAccepted() {
        SubsystemId client = vn.client("VN/ORG/A-z.0'()+,=?/sub-1");

        assertThat(client.member().memberCode()).isEqualTo("A-z.0'()+,=?");
    }

    @Test
    void percentEncodedAllowedCharactersAreDecoded() {
        assertThat(vn.client("VN/GOV/000.00.00.H49/a%2Cb").subsystemCode()).isEqualTo("a,b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dich vu", "dich_vu", "a:b", "a;b", "a\\b", "a%25b", "a%2Fb", "dịchvụ", "a%00b", "a\tb", "a*b", "a#b"})
    void subsystemCodeWithAForbiddenCharacterIsRefusedNamingThePart(String subsystem) {
        assertThatThrownBy(() -> vn.client("VN/GOV/000.00.00.H49/" + subsystem))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.part()).contains(IdentifierPart.SUBSYSTEM_CODE);
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_CHARACTER);
                    assertThat(e.getMessage()).startsWith("The subsystem code").contains("forbidden character");
                });
    }

    @Test
    void forbiddenCharacterMessageNamesTheCharacterAndItsPosition() {
        assertThatThrownBy(() -> vn.service("VN/GOV/000.00.00.H49/sub/get:items"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("service code 'get:items'")
                .hasMessageContaining("':' (U+003A COLON) at position 3");
    }

    @Test
    void clientWithoutSubsystemIsRefusedBecauseTheExchangeCallsAsSubsystems() {
        assertThatThrownBy(() -> vn.client("VN/GOV/000.00.00.H49"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_NUMBER_OF_PARTS);
                    assertThat(e.part()).isEmpty();
                    assertThat(e.getMessage()).contains("has 3 parts").contains("INSTANCE/CLASS/MEMBER/SUBSYSTEM");
                });
    }

    @Test
    void tooManyPartsATrailingSlashAndASinglePartAreCountedInTheMessage() {
        assertThatThrownBy(() -> vn.client("VN/GOV/000.00.00.H49/sub/svc/extra"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_NUMBER_OF_PARTS);
                    assertThat(e.getMessage()).contains("has 6 parts");
                });
        assertThatThrownBy(() -> vn.client("VN/GOV/000.00.00.H49/sub/"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.getMessage()).contains("has 5 parts"));
        assertThatThrownBy(() -> vn.client("VN"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.getMessage()).contains("has 1 part;"));
        assertThat(vn.service("VN/GOV/000.00.00.H49/sub/svc").encoded()).isEqualTo("VN/GOV/000.00.00.H49/sub/svc");
    }

    @Test
    void emptyPartIsRefusedNamingThePart() {
        assertThatThrownBy(() -> vn.client("VN/GOV//sub"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.part()).contains(IdentifierPart.MEMBER_CODE);
                    assertThat(e.reason()).isEqualTo(Reason.EMPTY_PART);
                });
    }

    @Test
    void unknownMemberClassIsRefused() {
        assertThatThrownBy(() -> vn.client("VN/EDU/123/sub"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.part()).contains(IdentifierPart.MEMBER_CLASS);
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MEMBER_CLASS);
                    assertThat(e.getMessage()).contains("GOV, COM, ORG");
                });
    }

    @Test
    void identifierOfAnotherInstanceIsRefused() {
        assertThatThrownBy(() -> vn.client("EE/GOV/70000562/sub"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.part()).contains(IdentifierPart.INSTANCE);
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_INSTANCE);
                });
    }

    @Test
    void instanceIsConfigurable() {
        assertThat(IdentifierParser.forInstance("VN-TEST").client("VN-TEST/COM/0101243150/erp").instance())
                .isEqualTo("VN-TEST");
    }

    @Test
    void truncatedPercentEscapeIsRefused() {
        assertThatThrownBy(() -> vn.client("VN/GOV/000.00.00.H49/ab%2"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.part()).contains(IdentifierPart.SUBSYSTEM_CODE);
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PERCENT_ENCODING);
                });
    }

    @Test
    void percentEscapesThatAreNotUtf8AreRefused() {
        assertThatThrownBy(() -> vn.client("VN/GOV/000.00.00.H49/%C3%28"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PERCENT_ENCODING));
    }

    @Test
    void partLongerThanTheLimitIsRefused() {
        assertThatThrownBy(() -> vn.client("VN/GOV/000.00.00.H49/" + "a".repeat(256)))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PART_TOO_LONG));
    }

    @Test
    void requestPathSplitsIntoServiceAndRemainingPath() {
        ServiceRequestTarget target = vn.target("/VN/GOV/000.00.00.H49/dvc/hoso/v1/items/7");

        assertThat(target.service()).isEqualTo(ServiceId.parse("VN/GOV/000.00.00.H49/dvc/hoso"));
        assertThat(target.path()).isEqualTo("/v1/items/7");
    }

    @Test
    void requestPathOfJustTheServiceHasAnEmptyRemainder() {
        assertThat(vn.target("/VN/GOV/000.00.00.H49/dvc/hoso").path()).isEmpty();
        assertThat(vn.target("/VN/GOV/000.00.00.H49/dvc/hoso/").path()).isEqualTo("/");
    }

    @Test
    void remainingPathIsKeptRawForTheGatewayToJudge() {
        assertThat(vn.target("/VN/GOV/000.00.00.H49/dvc/hoso/%2E%2E/admin").path()).isEqualTo("/%2E%2E/admin");
    }

    @Test
    void requestPathNamingTooFewPartsIsRefused() {
        assertThatThrownBy(() -> vn.target("/VN/GOV/000.00.00.H49/dvc"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_NUMBER_OF_PARTS));
    }

    @Test
    void encodedSlashInsideTheServiceCodeIsRefused() {
        assertThatThrownBy(() -> vn.target("/VN/GOV/000.00.00.H49/dvc/ho%2Fso/v1"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.part()).contains(IdentifierPart.SERVICE_CODE);
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_CHARACTER);
                });
    }

    @Test
    void identifiersSortByTheirTextSoListsHaveOneOrder() {
        SubsystemId a = SubsystemId.parse("VN/COM/0101243150/erp");
        SubsystemId b = SubsystemId.parse("VN/GOV/000.00.00.H49/dvc");

        assertThat(java.util.stream.Stream.of(b, a).sorted()).containsExactly(a, b);
    }
}
