package vn.ndp.registry.exchange;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import vn.ndp.protocol.globalconf.GlobalConfiguration;
import vn.ndp.protocol.globalconf.GlobalConfigurationVerifier;
import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.pki.GatewayCertificateRequest;
import vn.ndp.protocol.pki.KeyAlgorithm;
import vn.ndp.protocol.pki.NationalCa;
import vn.ndp.protocol.pki.Pem;
import vn.ndp.registry.exchange.internal.SigningKeys;

/** What the exchange tests need of the registry's national CA and signing key. */
final class ExchangeTestData {

    private ExchangeTestData() {
    }

    /** A gateway certificate (PEM) the registry's national CA issues for {@code gatewayId}, for localhost. */
    static String certificateFor(SigningKeys keys, String gatewayId) {
        NationalCa ca = NationalCa.open(keys.caDirectory().orElseThrow(), Clock.systemUTC());
        return Pem.encode(ca.issueGatewayCertificate(new GatewayCertificateRequest(GatewayId.parse(gatewayId),
                List.of("localhost"), List.of(InetAddress.getLoopbackAddress()),
                GatewayCertificateRequest.DEFAULT_VALIDITY, KeyAlgorithm.EC_P256)).certificate());
    }

    /** The signed global configuration verified against the registry's signing certificate, as a gateway does. */
    static GlobalConfiguration verified(SigningKeys keys, byte[] signed) throws Exception {
        return new GlobalConfigurationVerifier(keys.certificate(), "VN", Clock.systemUTC(), 0).verify(signed)
                .configuration();
    }
}
