package vn.ndp.protocol.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ndp.protocol.globalconf.SampleConfigurations.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.NationalCa;

class GlobalConfigurationJsonTests {

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

    @Test
    void equalContentAddedInAnotherOrderGivesIdenticalBytes() {
        GlobalConfiguration forward = sample(3, ministryTls, sharedTls).build();
        GlobalConfiguration reordered = new GlobalConfiguration(forward.instance(), forward.version(),
                forward.generatedAt(), forward.expiresAt(), forward.members().reversed(), forward.subsystems().reversed(),
                forward.gateways().reversed(), forward.services().reversed(), forward.accessRights().reversed(),
                forward.revokedCertificates().reversed());

        assertThat(GlobalConfigurationJson.write(reordered)).isEqualTo(GlobalConfigurationJson.write(forward));
    }

    @Test
    void documentReadBackEqualsTheConfigurationWritten() {
        GlobalConfiguration configuration = sample(3, ministryTls, sharedTls).build();

        assertThat(GlobalConfigurationJson.read(GlobalConfigurationJson.write(configuration))).isEqualTo(configuration);
    }

    @Test
    void keysAreSortedIdentifiersAndInstantsAreTextAndAbsentValuesAreLeftOut() {
        GlobalConfiguration configuration = GlobalConfiguration.builder("VN", 7, GENERATED_AT)
                .subsystem(new Subsystem(HANOI_PORTAL, null))
                .accessRight(AccessRight.toWholeService(HANOI_PORTAL, CITIZENS))
                .build();

        assertThat(new String(GlobalConfigurationJson.write(configuration), StandardCharsets.UTF_8)).isEqualTo(
                "{\"accessRights\":[{\"client\":\"VN/GOV/000.00.00.H26/dichvucong\","
                        + "\"service\":\"VN/GOV/000.00.00.H49/dancu/congdan\"}],"
                        + "\"expiresAt\":\"2026-03-01T08:10:00Z\",\"gateways\":[],"
                        + "\"generatedAt\":\"2026-03-01T08:00:00Z\",\"instance\":\"VN\",\"members\":[],"
                        + "\"revokedCertificates\":[],\"services\":[],"
                        + "\"subsystems\":[{\"id\":\"VN/GOV/000.00.00.H26/dichvucong\"}],\"version\":7}");
    }

    @Test
    void vietnameseNamesAreWrittenAsUtf8() {
        String json = new String(GlobalConfigurationJson.write(sample(1, ministryTls, sharedTls).build()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"name\":\"UBND tỉnh Thừa Thiên Huế\"");
    }

    @Test
    void unknownFieldsFromANewerRegistryAreIgnored() {
        String json = "{\"instance\":\"VN\",\"version\":2,\"generatedAt\":\"2026-03-01T08:00:00Z\","
                + "\"expiresAt\":\"2026-03-01T08:10:00Z\",\"futureField\":{\"x\":1}}";

        GlobalConfiguration configuration = GlobalConfigurationJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(configuration.version()).isEqualTo(2);
        assertThat(configuration.members()).isEmpty();
        assertThat(configuration.expiresAt()).isEqualTo(Instant.parse("2026-03-01T08:10:00Z"));
    }

    @Test
    void identifierWithForbiddenCharactersMakesTheDocumentMalformed() {
        String json = "{\"instance\":\"VN\",\"version\":2,\"generatedAt\":\"2026-03-01T08:00:00Z\","
                + "\"expiresAt\":\"2026-03-01T08:10:00Z\",\"members\":[{\"id\":\"VN/GOV/a b\",\"name\":\"x\"}]}";

        assertThatThrownBy(() -> GlobalConfigurationJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Malformed global configuration")
                .hasMessageContaining("member code");
    }

    @Test
    void missingVersionOrTrailingGarbageMakesTheDocumentMalformed() {
        String noVersion = "{\"instance\":\"VN\",\"generatedAt\":\"2026-03-01T08:00:00Z\",\"expiresAt\":\"2026-03-01T08:10:00Z\"}";
        String trailing = "{\"instance\":\"VN\",\"version\":2,\"generatedAt\":\"2026-03-01T08:00:00Z\","
                + "\"expiresAt\":\"2026-03-01T08:10:00Z\"} {}";

        assertThatThrownBy(() -> GlobalConfigurationJson.read(noVersion.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GlobalConfigurationJson.read(trailing.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
