package vn.ndp.protocol.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import vn.ndp.protocol.globalconf.GlobalConfiguration;
import vn.ndp.protocol.globalconf.GlobalConfigurationSigner;
import vn.ndp.protocol.globalconf.RevokedCertificate;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.pki.CaSettings;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.IssuedCertificate;
import vn.ndp.protocol.pki.NationalCa;
import vn.ndp.protocol.timestamp.TimeStampAuthority;

/** A national CA, a gateway certificate, a TSA, and a message log written with them (sample identifiers). */
final class LogFixture {

    static final String GATEWAY = "VN/GOV/TEST.LGSP/lgsp";
    /** Another gateway of the same national CA, for logs and evidence that must not pass as this gateway's. */
    static final String OTHER_GATEWAY = "VN/GOV/TEST.OTHER/gw";

    final Path root;
    final NationalCa ca;
    final IssuedCertificate gateway;
    final TimeStampAuthority tsa;
    final Path log;
    private IssuedCertificate registrySigning;

    LogFixture(Path root) {
        this.root = root;
        ca = NationalCa.init(root.resolve("ca"), CaSettings.defaults(), Clock.systemUTC());
        gateway = ca.issueGatewayCertificate(GatewayCertificateRequest.of(GatewayId.parse(GATEWAY), List.of("localhost"),
                List.of(InetAddress.getLoopbackAddress())));
        tsa = TimeStampAuthority.open(root.resolve("tsa"), Clock.systemUTC());
        log = root.resolve("log");
    }

    LogWriter open() throws IOException {
        return open(log);
    }

    LogWriter open(Path directory) throws IOException {
        return open(directory, GATEWAY, gateway);
    }

    /** A writer of a log in {@code directory} that names gateway {@code name} and signs with {@code certificate}. */
    LogWriter open(Path directory, String name, IssuedCertificate certificate) throws IOException {
        return LogWriter.open(directory, name, certificate.privateKey(), List.of(certificate.certificate(),
                ca.certificate()), Clock.systemUTC(), 64L * 1024 * 1024, Duration.ofDays(1));
    }

    /** A certificate the same national CA issues to {@link #OTHER_GATEWAY}. */
    IssuedCertificate otherGateway() {
        return ca.issueGatewayCertificate(GatewayCertificateRequest.of(GatewayId.parse(OTHER_GATEWAY),
                List.of("localhost"), List.of()));
    }

    static byte[] body(String xroadId, int n) {
        return ("{\"side\":\"consumer\",\"xroadId\":\"" + xroadId + "\",\"client\":\"VN/GOV/TEST.PROVINCE.A/portal\","
                + "\"service\":\"VN/GOV/TEST.MINISTRY/registry/items\",\"method\":\"GET\",\"path\":\"/items/" + n
                + "\",\"status\":200,\"requestBytes\":0,\"responseBytes\":" + (100 + n) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code segments} segments of {@code batches} batches of {@code perBatch} records, signing
     * the first two batches of each segment together and the rest when the segment closes; returns the batches.
     */
    List<LogWriter.SealedBatch> write(int segments, int batches, int perBatch) throws IOException {
        return write(log, segments, batches, perBatch);
    }

    /** As {@link #write(int, int, int)}, into {@code directory}. */
    List<LogWriter.SealedBatch> write(Path directory, int segments, int batches, int perBatch) throws IOException {
        List<LogWriter.SealedBatch> sealed = new ArrayList<>();
        int n = 0;
        try (LogWriter writer = open(directory)) {
            for (int s = 0; s < segments; s++) {
                if (s > 0) {
                    writer.rotate();
                }
                for (int b = 0; b < batches; b++) {
                    List<byte[]> bodies = new ArrayList<>();
                    for (int r = 0; r < perBatch; r++) {
                        n++;
                        bodies.add(body("id-" + n, n));
                    }
                    sealed.add(writer.append(bodies));
                    if (b == 1) {
                        writer.signPending();
                    }
                }
            }
            stamp(writer, sealed);
        }
        return sealed;
    }

    void stamp(LogWriter writer, List<LogWriter.SealedBatch> batches) throws IOException {
        stamp(writer, batches, tsa);
    }

    /** Stamps {@code batches} with {@code authority}, such as one whose clock is ahead. */
    void stamp(LogWriter writer, List<LogWriter.SealedBatch> batches, TimeStampAuthority authority) throws IOException {
        byte[] imprint = TimeStamps.imprintOf(batches.stream().map(LogWriter.SealedBatch::root).toList());
        writer.appendStamp(new LogFormat.Stamp(batches.getFirst().batch(), batches.getLast().batch(),
                token(authority, imprint)));
    }

    /**
     * Global configuration {@code version}, generated at {@code generatedAt} (valid for a minute), revoking
     * {@code revoked}, signed by the registry's configuration-signing certificate from this national CA.
     */
    byte[] globalConfiguration(long version, Instant generatedAt, RevokedCertificate... revoked) {
        if (registrySigning == null) {
            registrySigning = ca.issueConfigurationSigningCertificate("NDP registry", Duration.ofDays(30));
        }
        return globalConfiguration(registrySigning, version, generatedAt, revoked);
    }

    static byte[] globalConfiguration(IssuedCertificate signing, long version, Instant generatedAt,
                                      RevokedCertificate... revoked) {
        GlobalConfiguration.Builder builder = GlobalConfiguration.builder("VN", version, generatedAt)
                .validFor(Duration.ofMinutes(1));
        List.of(revoked).forEach(builder::revokedCertificate);
        return new GlobalConfigurationSigner(signing.privateKey(), signing.certificate(),
                Clock.fixed(generatedAt, ZoneOffset.UTC)).sign(builder.build());
    }

    /** The revocation of this gateway's certificate at {@code at}. */
    RevokedCertificate revocation(Instant at) {
        return RevokedCertificate.of(gateway.certificate().getSerialNumber(), at);
    }

    byte[] token(byte[] imprint) {
        return token(tsa, imprint);
    }

    static byte[] token(TimeStampAuthority tsa, byte[] imprint) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, BigInteger.ONE);
            TimeStampResponse response = new TimeStampResponse(tsa.respond(request.getEncoded()));
            response.validate(request);
            return response.getTimeStampToken().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<Path> segments() {
        return LogFormat.segments(log);
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
