package vn.ndp.protocol.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.protocol.identifiers.GatewayId;

class NationalCaTests {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final GatewayId LGSP_HANOI = GatewayId.parse("VN/GOV/000.00.00.H26/lgsp");

    @TempDir
    Path directory;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private NationalCa newCa() {
        return NationalCa.init(directory, CaSettings.defaults().withValidity(Duration.ofDays(30)), clock);
    }

    @Test
    void initCreatesASelfSignedRootValidForTheConfiguredPeriod() throws Exception {
        NationalCa ca = newCa();
        X509Certificate root = ca.certificate();

        root.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isEqualTo(0);
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(root.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(root.getNotAfter().toInstant()).isEqualTo(NOW.minus(NationalCa.BACKDATE).plus(Duration.ofDays(30)));
        assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=NDP National CA,O=NDP");
        assertThat(Files.readString(directory.resolve("ca.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void rootCanBeRsa3072() {
        NationalCa ca = NationalCa.init(directory, CaSettings.defaults().withKeyAlgorithm(KeyAlgorithm.RSA_3072), clock);

        assertThat(ca.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((java.security.interfaces.RSAPublicKey) ca.certificate().getPublicKey()).getModulus().bitLength())
                .isEqualTo(3072);
    }

    @Test
    void privateKeysAreWrittenReadableByTheOwnerOnly() throws Exception {
        NationalCa ca = newCa();
        IssuedCertificate issued = ca.issueGatewayCertificate(GatewayCertificateRequest.of(LGSP_HANOI, List.of(), List.of()));

        assertThat(Files.getPosixFilePermissions(directory.resolve("private/ca.key.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(issued.privateKeyFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(directory.resolve("private")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void secondInitInTheSameDirectoryIsRefused() {
        newCa();

        assertThatThrownBy(this::newCa).isInstanceOfSatisfying(NationalCaException.class,
                e -> assertThat(e.reason()).isEqualTo(NationalCaException.Reason.ALREADY_INITIALISED));
    }

    @Test
    void openingAnEmptyDirectoryExplainsHowToCreateTheCa() {
        assertThatThrownBy(() -> NationalCa.open(directory, clock))
                .isInstanceOfSatisfying(NationalCaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NationalCaException.Reason.NOT_INITIALISED);
                    assertThat(e.getMessage()).contains("ndp ca init");
                });
    }

    @Test
    void gatewayCertificateNamesTheGatewayAndServesBothEndsOfMutualTls() throws Exception {
        NationalCa ca = newCa();

        IssuedCertificate issued = ca.issueGatewayCertificate(GatewayCertificateRequest.of(LGSP_HANOI,
                List.of("lgsp.hanoi.gov.vn"), List.of(InetAddress.getByName("127.0.0.1"))));
        X509Certificate certificate = issued.certificate();

        certificate.verify(ca.certificate().getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName())
                .isEqualTo("CN=VN/GOV/000.00.00.H26/lgsp,OU=VN/GOV/000.00.00.H26,O=NDP");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "lgsp.hanoi.gov.vn"), List.of(7, "127.0.0.1"));
        assertThat(issued.record().sha256Fingerprint()).isEqualTo(Pem.sha256Fingerprint(certificate));
        assertThat(Pem.readCertificate(issued.certificateFile())).isEqualTo(certificate);
        assertThat(Pem.readPrivateKey(issued.privateKeyFile())).isEqualTo(issued.privateKey());
    }

    @Test
    void issuedCertificateNeverOutlivesTheRoot() {
        NationalCa ca = newCa();

        IssuedCertificate issued = ca.issueGatewayCertificate(GatewayCertificateRequest.of(LGSP_HANOI, List.of(), List.of()));

        assertThat(issued.certificate().getNotAfter()).isEqualTo(ca.certificate().getNotAfter());
    }

    @Test
    void signingCertificateIsForDigitalSignaturesOnly() throws Exception {
        NationalCa ca = newCa();

        X509Certificate signing = ca.issueConfigurationSigningCertificate("Registry signer", Duration.ofDays(7)).certificate();

        signing.verify(ca.certificate().getPublicKey());
        assertThat(signing.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(signing.getKeyUsage()[5]).as("keyCertSign").isFalse();
        assertThat(signing.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void revocationIsPersistedAndSurvivesReopening() {
        NationalCa ca = newCa();
        IssuedCertificate issued = ca.issueGatewayCertificate(GatewayCertificateRequest.of(LGSP_HANOI, List.of(), List.of()));

        ca.revoke(issued.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        NationalCa reopened = NationalCa.open(directory, clock);

        assertThat(reopened.revokedSerials()).containsExactly(issued.certificate().getSerialNumber());
        assertThat(reopened.list()).extracting(CertificateRecord::kind, CertificateRecord::revoked,
                        CertificateRecord::revocationReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CertificateKind.ROOT, false, null),
                        org.assertj.core.groups.Tuple.tuple(CertificateKind.GATEWAY_TLS, true, RevocationReason.KEY_COMPROMISE));
        assertThat(reopened.list().get(1).revokedAt()).isEqualTo(NOW);
    }

    @Test
    void revokingTwiceOrAnUnknownSerialIsRefused() {
        NationalCa ca = newCa();
        IssuedCertificate issued = ca.issueGatewayCertificate(GatewayCertificateRequest.of(LGSP_HANOI, List.of(), List.of()));
        ca.revoke(issued.certificate().getSerialNumber(), RevocationReason.SUPERSEDED);

        assertThatThrownBy(() -> ca.revoke(issued.certificate().getSerialNumber(), RevocationReason.SUPERSEDED))
                .isInstanceOfSatisfying(NationalCaException.class,
                        e -> assertThat(e.reason()).isEqualTo(NationalCaException.Reason.ALREADY_REVOKED));
        assertThatThrownBy(() -> ca.revoke(java.math.BigInteger.TEN, RevocationReason.SUPERSEDED))
                .isInstanceOfSatisfying(NationalCaException.class,
                        e -> assertThat(e.reason()).isEqualTo(NationalCaException.Reason.UNKNOWN_SERIAL));
    }

    @Test
    void serialsAreRandomPositiveAndAtMostTwentyOctets() {
        NationalCa ca = newCa();

        var first = ca.issueConfigurationSigningCertificate("a", Duration.ofDays(1)).certificate().getSerialNumber();
        var second = ca.issueConfigurationSigningCertificate("b", Duration.ofDays(1)).certificate().getSerialNumber();

        assertThat(first).isNotEqualTo(second);
        assertThat(first.signum()).isPositive();
        assertThat(first.toByteArray()).hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void serialIsReadInTheFormsListPrintsAndUsersType() {
        assertThat(NationalCa.parseSerial("0x4A:0b")).isEqualTo(java.math.BigInteger.valueOf(0x4a0b));
        assertThatThrownBy(() -> NationalCa.parseSerial("xyz")).isInstanceOf(NationalCaException.class);
    }
}
