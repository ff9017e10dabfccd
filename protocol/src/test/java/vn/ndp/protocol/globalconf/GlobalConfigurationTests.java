package vn.ndp.protocol.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ndp.protocol.globalconf.SampleConfigurations.*;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.SubsystemId;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.NationalCa;

class GlobalConfigurationTests {

    @TempDir
    static Path directory;
    static X509Certificate ministryTls;
    static X509Certificate sharedTls;

    @BeforeAll
    static void issueGatewayCertificates() {
        NationalCa ca = NationalCa.init(directory, CaSettings.defaults(), Clock.systemUTC());
        ministryTls = ca.issueGatewayCertificate(GatewayCertificateRequest.of(MINISTRY_GATEWAY, List.of(), List.of())).certificate();
        sharedTls = ca.issueGatewayCertificate(GatewayCertificateRequest.of(SHARED_GATEWAY, List.of(), List.of())).certificate();
    }

    private ExchangeDirectory directory() {
        return ExchangeDirectory.of(sample(1, ministryTls, sharedTls).build());
    }

    @Test
    void expiresTenMinutesAfterGenerationByDefault() {
        GlobalConfiguration configuration = sample(1, ministryTls, sharedTls).build();

        assertThat(configuration.expiresAt()).isEqualTo(GENERATED_AT.plus(Duration.ofMinutes(10)));
        assertThat(configuration.isExpiredAt(GENERATED_AT.plus(Duration.ofMinutes(10)).minusMillis(1))).isFalse();
        assertThat(configuration.isExpiredAt(GENERATED_AT.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void listsAreSortedWhateverOrderTheyWereAddedIn() {
        GlobalConfiguration configuration = sample(1, ministryTls, sharedTls).build();

        assertThat(configuration.members()).extracting(Member::id).containsExactly(
                MemberId.parse("VN/GOV/000.00.00.H26"), MemberId.parse("VN/GOV/000.00.00.H49"),
                MemberId.parse("VN/GOV/000.00.00.H57"));
        assertThat(configuration.gateways()).extracting(Gateway::id).containsExactly(SHARED_GATEWAY, MINISTRY_GATEWAY);
        assertThat(configuration.gateways().getFirst().hostedSubsystems()).containsExactly(HANOI_PORTAL, HUE_PORTAL);
    }

    @Test
    void duplicateMembersAreRefused() {
        assertThatThrownBy(() -> sample(1, ministryTls, sharedTls).member(new Member(HANOI, "again")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate member: VN/GOV/000.00.00.H26");
    }

    @Test
    void identifiersOfAnotherInstanceAreRefused() {
        assertThatThrownBy(() -> sample(1, ministryTls, sharedTls)
                .member(new Member(MemberId.parse("EE/GOV/70000562"), "RIA")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EE/GOV/70000562 is not of instance VN");
    }

    @Test
    void versionMustBePositiveAndExpiryAfterGeneration() {
        assertThatThrownBy(() -> GlobalConfiguration.builder("VN", 0, GENERATED_AT).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GlobalConfiguration.builder("VN", 1, GENERATED_AT).validFor(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gatewayAddressMustBeHostAndPort() {
        assertThatThrownBy(() -> Gateway.of(MINISTRY_GATEWAY, "https://lgsp.example.vn", ministryTls, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not host:port");
        assertThatThrownBy(() -> Gateway.of(MINISTRY_GATEWAY, "lgsp.example.vn:70000", ministryTls, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Gateway.of(MINISTRY_GATEWAY, "[::1]:8443", ministryTls, List.of()).address()).isEqualTo("[::1]:8443");
    }

    @Test
    void oneGatewayHostsTheSubsystemsOfSeveralMembers() {
        ExchangeDirectory directory = directory();

        assertThat(directory.gatewayHosting(HANOI_PORTAL)).map(Gateway::id).contains(SHARED_GATEWAY);
        assertThat(directory.gatewayHosting(HUE_PORTAL)).map(Gateway::id).contains(SHARED_GATEWAY);
        assertThat(directory.gatewayHosting(MINISTRY_REGISTRY)).map(Gateway::owner).contains(MINISTRY);
        assertThat(directory.gatewayHosting(SubsystemId.parse("VN/GOV/000.00.00.H26/other"))).isEmpty();
    }

    @Test
    void gatewayIsFoundByTheFingerprintOfTheCertificateItPresents() {
        assertThat(directory().gatewayPresenting(vn.ndp.protocol.pki.Pem.sha256Fingerprint(sharedTls)))
                .map(Gateway::id).contains(SHARED_GATEWAY);
        assertThat(directory().gateway(SHARED_GATEWAY).orElseThrow().certificate()).isEqualTo(sharedTls);
    }

    @Test
    void subsystemHostedByTwoGatewaysIsRefused() {
        GlobalConfiguration configuration = sample(1, ministryTls, sharedTls).build();
        Gateway second = Gateway.of(vn.ndp.protocol.identifiers.GatewayId.parse("VN/GOV/000.00.00.H57/lgsp"),
                "lgsp.hue.gov.vn:8443", ministryTls, List.of(HUE_PORTAL));

        assertThatThrownBy(() -> ExchangeDirectory.of(GlobalConfiguration.builder("VN", 1, GENERATED_AT)
                .gateway(configuration.gateways().getFirst()).gateway(second).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is hosted by both");
    }

    @Test
    void rightToTheWholeServiceAllowsEveryRegisteredEndpoint() {
        ExchangeDirectory directory = directory();

        assertThat(directory.allows(HANOI_PORTAL, CITIZENS, "GET", "/v1/citizens/001")).isTrue();
        assertThat(directory.allows(HANOI_PORTAL, CITIZENS, "POST", "/v1/citizens/search")).isTrue();
    }

    @Test
    void requestOutsideTheServicesEndpointsIsDeniedEvenWithARight() {
        assertThat(directory().allows(HANOI_PORTAL, CITIZENS, "DELETE", "/v1/citizens/001")).isFalse();
        assertThat(directory().allows(HANOI_PORTAL, CITIZENS, "GET", "/admin")).isFalse();
    }

    @Test
    void endpointLevelRightAllowsOnlyItsMethodAndPath() {
        ExchangeDirectory directory = directory();

        assertThat(directory.allows(HUE_PORTAL, CITIZENS, "GET", "/v1/citizens/001")).isTrue();
        assertThat(directory.allows(HUE_PORTAL, CITIZENS, "POST", "/v1/citizens/search")).isFalse();
        assertThat(directory.allows(HUE_PORTAL, CITIZENS, "GET", "/v1/citizens/001/photo")).isFalse();
    }

    @Test
    void clientWithoutARightIsDenied() {
        assertThat(directory().allows(MINISTRY_REGISTRY, CITIZENS, "GET", "/v1/citizens/001")).isFalse();
        assertThat(directory().allows(HANOI_PORTAL, HOUSEHOLDS, "GET", "/anything")).isFalse();
    }

    @Test
    void serviceWithoutEndpointsAcceptsAnyMethodAndPath() {
        GlobalConfiguration configuration = sample(1, ministryTls, sharedTls)
                .accessRight(AccessRight.toWholeService(HUE_PORTAL, HOUSEHOLDS)).build();

        assertThat(ExchangeDirectory.of(configuration).allows(HUE_PORTAL, HOUSEHOLDS, "PATCH", "/x/y/z")).isTrue();
    }

    @Test
    void endpointPatternsMatchOneSegmentWithStarAndTheRestWithDoubleStar() {
        assertThat(new Endpoint("GET", "/v1/*").matches("GET", "/v1/7")).isTrue();
        assertThat(new Endpoint("GET", "/v1/*").matches("GET", "/v1/")).isFalse();
        assertThat(new Endpoint("GET", "/v1/*").matches("GET", "/v1/7/8")).isFalse();
        assertThat(new Endpoint("get", "/v1/**").matches("GET", "/v1")).isTrue();
        assertThat(new Endpoint("GET", "/v1/**").matches("GET", "/v10")).isFalse();
        assertThat(new Endpoint("GET", "/v1/**").matches("GET", "/v1/")).isTrue();
        assertThat(new Endpoint("GET", "/v1/**").matches("GET", "/v1/7/8")).isTrue();
        assertThat(new Endpoint("*", "/**").matches("DELETE", "/")).isTrue();
        assertThat(new Endpoint("GET", "/v1").matches("GET", "v1")).isFalse();
        assertThatThrownBy(() -> new Endpoint("GET", "/v1/**/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Endpoint("GET", "v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Endpoint("GE T", "/v1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revokedSerialsAreKnownWhateverTheirHexCase() {
        GlobalConfiguration configuration = sample(1, ministryTls, sharedTls)
                .revokedCertificate(new RevokedCertificate("00ABCD", GENERATED_AT)).build();

        assertThat(ExchangeDirectory.of(configuration).isRevoked(new BigInteger("abcd", 16))).isTrue();
        assertThat(ExchangeDirectory.of(configuration).isRevoked(ministryTls.getSerialNumber())).isFalse();
        assertThat(configuration.revokedCertificates()).extracting(RevokedCertificate::serial).containsExactly("abcd", "ff01");
    }
}
