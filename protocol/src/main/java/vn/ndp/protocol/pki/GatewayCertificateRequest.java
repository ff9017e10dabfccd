package vn.ndp.protocol.pki;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import vn.ndp.protocol.identifiers.GatewayId;

/**
 * What a gateway's TLS certificate must say: the gateway (whose identifier becomes the subject's
 * common name and whose owner its organisational unit), the DNS names and IP addresses it is
 * reached at, and how long it is valid.
 */
public record GatewayCertificateRequest(
        GatewayId gateway, List<String> dnsNames, List<InetAddress> ipAddresses, Duration validity,
        KeyAlgorithm keyAlgorithm) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

    public GatewayCertificateRequest {
        Objects.requireNonNull(gateway, "gateway");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("The certificate validity must be positive");
        }
        for (String name : dnsNames) {
            if (!name.matches("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")) {
                throw new IllegalArgumentException("'" + name + "' is not a DNS name");
            }
        }
    }

    public static GatewayCertificateRequest of(GatewayId gateway, List<String> dnsNames, List<InetAddress> ipAddresses) {
        return new GatewayCertificateRequest(gateway, dnsNames, ipAddresses, DEFAULT_VALIDITY, KeyAlgorithm.EC_P256);
    }
}
