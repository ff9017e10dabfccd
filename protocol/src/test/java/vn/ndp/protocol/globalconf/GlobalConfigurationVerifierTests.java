package vn.ndp.protocol.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ndp.protocol.globalconf.SampleConfigurations.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.protocol.globalconf.GlobalConfigurationRejectedException.Reason;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.pki.NationalCa;

class GlobalConfigurationVerifierTests {

    private static final Instant SOON_AFTER = GENERATED_AT.plusSeconds(30);

    @TempDir
    static Path directory;
    static IssuedCertificate registrySigning;
    static IssuedCertificate otherSigning;
    static X509Certificate ministryTls;
    static X509Certificate sharedTls;
    static X509Certificate nationalCa;
    static IssuedCertificate ministryGateway;
    static IssuedCertificate foreignSigning;

    @BeforeAll
    static void issueCertificates() {
        Clock issuedBefore = Clock.fixed(GENERATED_AT.minus(Duration.ofDays(1)), ZoneOffset.UTC);
        NationalCa ca = NationalCa.init(directory.resolve("ca"), CaSettings.defaults(), issuedBefore);
        registrySigning = ca.issueConfigurationSigningCertificate("Registry signer", Duration.ofDays(30));
        otherSigning = ca.issueConfigurationSigningCertificate("Someone else", Duration.ofDays(30));
        ministryGateway = ca.issueGatewayCertificate(GatewayCertificateRequest.of(MINISTRY_GATEWAY, List.of(), List.of()));
        ministryTls = ministryGateway.certificate();
        nationalCa = ca.certificate();
        foreignSigning = NationalCa.init(directory.resolve("foreign-ca"), CaSettings.defaults(), issuedBefore)
                .issueConfigurationSigningCertificate("Registry signer", Duration.ofDays(30));
        sharedTls = ca.issueGatewayCertificate(GatewayCertificateRequest.of(SHARED_GATEWAY, List.of(), List.of())).certificate();
    }

    private static byte[] signed(long version) {
        return signedBy(registrySigning, sample(version, ministryTls, sharedTls).build());
    }

    private static byte[] signedBy(IssuedCertificate signing, GlobalConfiguration configuration) {
        return new GlobalConfigurationSigner(signing.privateKey(), signing.certificate(),
                Clock.fixed(configuration.generatedAt(), ZoneOffset.UTC)).sign(configuration);
    }

    private static GlobalConfigurationVerifier verifierAt(Instant now, long lastAccepted) {
        return new GlobalConfigurationVerifier(registrySigning.certificate(), "VN", Clock.fixed(now, ZoneOffset.UTC),
                lastAccepted);
    }

    private static Reason rejectionOf(GlobalConfigurationVerifier verifier, byte[] document) {
        try {
            verifier.verify(document);
        } catch (GlobalConfigurationRejectedException e) {
            return e.reason();
        }
        throw new AssertionError("The document was accepted");
    }

    @Test
    void documentSignedByTheRegistryIsAcceptedWithItsContent() throws Exception {
        byte[] document = signed(5);

        VerifiedGlobalConfiguration verified = verifierAt(SOON_AFTER, 4).verify(document);

        assertThat(verified.configuration()).isEqualTo(sample(5, ministryTls, sharedTls).build());
        assertThat(verified.signedAt()).isEqualTo(GENERATED_AT);
        assertThat(verified.signedBytes()).isEqualTo(document);
        assertThat(verified.etag()).isEqualTo(GlobalConfigurationSigner.etag(document)).startsWith("\"").endsWith("\"");
    }

    @Test
    void signingTheSameConfigurationTwiceGivesTheSameContentAndETagOnlyIfTheBytesMatch() throws Exception {
        byte[] first = signed(5);
        byte[] second = signed(5);

        assertThat(verifierAt(SOON_AFTER, 0).verify(second).configuration())
                .isEqualTo(verifierAt(SOON_AFTER, 0).verify(first).configuration());
        assertThat(GlobalConfigurationSigner.etag(first).equals(GlobalConfigurationSigner.etag(second)))
                .isEqualTo(Arrays.equals(first, second));
    }

    @Test
    void documentWithAChangedContentByteIsRejected() {
        byte[] document = signed(5);
        byte[] json = GlobalConfigurationJson.write(sample(5, ministryTls, sharedTls).build());
        int at = indexOf(document, "\"version\":5".getBytes(StandardCharsets.UTF_8));
        assertThat(at).as("canonical JSON is encapsulated verbatim").isPositive();
        assertThat(indexOf(document, json)).isPositive();
        document[at + "\"version\":".length()] = '9';

        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), document)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void documentWithAChangedSignatureByteIsRejected() {
        byte[] document = signed(5);
        document[document.length - 5] ^= 0x01;

        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), document)).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
    }

    @Test
    void documentSignedWithAnotherKeyIsRejected() {
        byte[] document = signedBy(otherSigning, sample(5, ministryTls, sharedTls).build());

        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), document)).isEqualTo(Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void documentSignedWithAnotherKeyButNamingTheAnchorIsRejected() {
        GlobalConfiguration configuration = sample(5, ministryTls, sharedTls).build();
        byte[] forged = new GlobalConfigurationSigner(otherSigning.privateKey(), registrySigning.certificate(),
                Clock.fixed(GENERATED_AT, ZoneOffset.UTC)).sign(configuration);

        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), forged)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void expiredDocumentIsRejected() {
        byte[] document = signed(5);

        assertThat(rejectionOf(verifierAt(GENERATED_AT.plus(GlobalConfiguration.DEFAULT_VALIDITY), 0), document))
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void olderVersionThanTheLastAcceptedIsRejectedAsRollback() throws Exception {
        GlobalConfigurationVerifier verifier = verifierAt(SOON_AFTER, 0);
        verifier.verify(signed(6));

        assertThat(rejectionOf(verifier, signed(5))).isEqualTo(Reason.ROLLBACK);
        assertThat(verifier.lastAcceptedVersion()).isEqualTo(6);
    }

    @Test
    void versionSavedBeforeARestartStillGuardsAgainstRollback() {
        assertThat(rejectionOf(verifierAt(SOON_AFTER, 6), signed(5))).isEqualTo(Reason.ROLLBACK);
    }

    @Test
    void sameVersionIsAcceptedAgainAndNewerVersionsMoveTheMarkForward() throws Exception {
        GlobalConfigurationVerifier verifier = verifierAt(SOON_AFTER, 6);

        assertThat(verifier.verify(signed(6)).version()).isEqualTo(6);
        assertThat(verifier.verify(signed(8)).version()).isEqualTo(8);
        assertThat(verifier.lastAcceptedVersion()).isEqualTo(8);
    }

    @Test
    void rejectedDocumentLeavesTheLastAcceptedVersionUnchanged() throws Exception {
        GlobalConfigurationVerifier verifier = verifierAt(SOON_AFTER, 0);
        verifier.verify(signed(6));

        rejectionOf(verifier, signedBy(otherSigning, sample(9, ministryTls, sharedTls).build()));

        assertThat(verifier.lastAcceptedVersion()).isEqualTo(6);
    }

    @Test
    void documentForAnotherInstanceIsRejected() {
        byte[] document = signedBy(registrySigning, GlobalConfiguration.builder("VN-TEST", 5, GENERATED_AT).build());

        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), document)).isEqualTo(Reason.WRONG_INSTANCE);
    }

    @Test
    void bytesThatAreNotASignedDocumentAreMalformed() {
        byte[] json = GlobalConfigurationJson.write(sample(5, ministryTls, sharedTls).build());

        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), json)).isEqualTo(Reason.MALFORMED);
        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), new byte[0])).isEqualTo(Reason.MALFORMED);
        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), Arrays.copyOf(signed(5), 100))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void anchorThatHasExpiredNoLongerVouchesForAnything() {
        GlobalConfiguration late = GlobalConfiguration.builder("VN", 5, GENERATED_AT.plus(Duration.ofDays(40))).build();

        assertThat(rejectionOf(verifierAt(late.generatedAt().plusSeconds(1), 0), signedBy(registrySigning, late)))
                .isEqualTo(Reason.SIGNER_CERTIFICATE_NOT_VALID);
    }

    private static Reason offlineRejectionOf(byte[] document, String instance) {
        try {
            GlobalConfigurationVerifier.verifyOffline(document, nationalCa, instance);
        } catch (GlobalConfigurationRejectedException e) {
            return e.reason();
        }
        throw new AssertionError("The document was accepted");
    }

    @Test
    void offlineAKeptCopyVerifiesAgainstTheNationalCaLongAfterItExpired() throws Exception {
        byte[] document = signed(5);

        VerifiedGlobalConfiguration verified = GlobalConfigurationVerifier.verifyOffline(document, nationalCa, "VN");

        assertThat(verified.configuration()).isEqualTo(sample(5, ministryTls, sharedTls).build());
        assertThat(verified.configuration().revokedCertificates()).extracting(RevokedCertificate::serial).containsExactly("ff01");
        assertThat(verified.signer()).isEqualTo(registrySigning.certificate());
        assertThat(verified.signedAt()).isEqualTo(GENERATED_AT);
    }

    @Test
    void offlineAConfigurationSignedUnderAnotherNationalCaOrByAGatewayOfThisOneIsRefused() {
        assertThat(offlineRejectionOf(signedBy(foreignSigning, sample(5, ministryTls, sharedTls).build()), "VN"))
                .isEqualTo(Reason.UNTRUSTED_SIGNER);
        // a gateway's key, which a thief may hold, must not be able to publish a configuration without its revocation
        assertThat(offlineRejectionOf(signedBy(ministryGateway, sample(9, ministryTls, sharedTls).build()), "VN"))
                .isEqualTo(Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void offlineAConfigurationForAnotherInstanceIsRefused() {
        assertThat(offlineRejectionOf(signed(5), "VN-TEST")).isEqualTo(Reason.WRONG_INSTANCE);
    }

    @Test
    void aSignatureWithoutSignedAttributesOrWithADigestWeakerThanSha256IsRefusedOnlineAndOffline() throws Exception {
        GlobalConfiguration configuration = sample(5, ministryTls, sharedTls).build();
        byte[] sound = signedAs(configuration, "SHA256withECDSA", false);
        byte[] direct = signedAs(configuration, "SHA256withECDSA", true);
        byte[] sha1 = signedAs(configuration, "SHA1withECDSA", false);

        assertThat(verifierAt(SOON_AFTER, 0).verify(sound).configuration()).as("signed as the signer does: accepted")
                .isEqualTo(GlobalConfigurationVerifier.verifyOffline(sound, nationalCa, "VN").configuration())
                .isEqualTo(configuration);
        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), direct)).isEqualTo(Reason.MALFORMED);
        assertThat(offlineRejectionOf(direct, "VN")).isEqualTo(Reason.MALFORMED);
        assertThat(rejectionOf(verifierAt(SOON_AFTER, 0), sha1)).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(offlineRejectionOf(sha1, "VN")).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(messageOf(() -> verifierAt(SOON_AFTER, 0).verify(direct))).isEqualTo(
                messageOf(() -> GlobalConfigurationVerifier.verifyOffline(direct, nationalCa, "VN")))
                .isEqualTo("The signature has no signed attributes");
        assertThat(messageOf(() -> verifierAt(SOON_AFTER, 0).verify(sha1))).isEqualTo(
                messageOf(() -> GlobalConfigurationVerifier.verifyOffline(sha1, nationalCa, "VN")))
                .startsWith("The digest algorithm 1.3.14.3.2.26 is not accepted");
    }

    /** Signed by the registry as the signer does, but with {@code algorithm} and, when {@code direct}, no signed attributes. */
    private static byte[] signedAs(GlobalConfiguration configuration, String algorithm, boolean direct) {
        try {
            var signerInfo = new org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder(
                    new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build())
                    .setDirectSignature(direct)
                    .setSignedAttributeGenerator(new org.bouncycastle.cms.DefaultSignedAttributeTableGenerator(
                            new org.bouncycastle.asn1.cms.AttributeTable(new org.bouncycastle.asn1.cms.Attribute(
                                    org.bouncycastle.asn1.cms.CMSAttributes.signingTime, new org.bouncycastle.asn1.DERSet(
                                            new org.bouncycastle.asn1.cms.Time(java.util.Date.from(GENERATED_AT)))))))
                    .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(algorithm)
                            .build(registrySigning.privateKey()), registrySigning.certificate());
            var generator = new org.bouncycastle.cms.CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificate(new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(registrySigning.certificate()));
            return generator.generate(new org.bouncycastle.cms.CMSProcessableByteArray(
                    GlobalConfigurationJson.write(configuration)), true).getEncoded("DER");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private interface Verification {
        void run() throws GlobalConfigurationRejectedException;
    }

    private static String messageOf(Verification verification) {
        try {
            verification.run();
        } catch (GlobalConfigurationRejectedException e) {
            return e.getMessage();
        }
        throw new AssertionError("The document was accepted");
    }

    @Test
    void offlineChangingAnyByteOfASignedConfigurationMakesItFail() {
        byte[] document = signed(5);
        List<Integer> accepted = new java.util.ArrayList<>();
        for (int i = 0; i < document.length; i++) {
            byte[] changed = document.clone();
            changed[i] ^= 0x01;
            try {
                GlobalConfigurationVerifier.verifyOffline(changed, nationalCa, "VN");
                accepted.add(i);
            } catch (GlobalConfigurationRejectedException e) {
                // expected
            }
        }
        assertThat(accepted).as("positions whose change went unnoticed").isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
