package vn.ndp.protocol.globalconf;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import vn.ndp.protocol.identifiers.GatewayId;
import vn.ndp.protocol.identifiers.MemberId;
import vn.ndp.protocol.identifiers.SubsystemId;
import vn.ndp.protocol.pki.Pem;

/**
 * A gateway: where other gateways reach it ({@code host:port}), the TLS certificate it presents
 * (PEM, and its SHA-256 fingerprint in lower-case hex), and the subsystems it hosts, which may
 * belong to members other than its owner ("LGSP as a service").
 */
public record Gateway(GatewayId id, String address, String tlsCertificate, String tlsCertificateSha256,
                      List<SubsystemId> hostedSubsystems) {

    public Gateway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tlsCertificate, "tlsCertificate");
        Objects.requireNonNull(tlsCertificateSha256, "tlsCertificateSha256");
        if (!isAddress(address)) {
            throw new IllegalArgumentException("The gateway address '" + address + "' is not host:port");
        }
        if (!tlsCertificateSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("The TLS certificate fingerprint is not 64 lower-case hex digits");
        }
        hostedSubsystems = Canonical.sortedDistinct(hostedSubsystems, "hosted subsystem");
    }

    /** Whether {@code address} is {@code host:port}: a host name, an IPv4 address or a bracketed IPv6 one, a port up to 65535. */
    public static boolean isAddress(String address) {
        return address != null && address.matches("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):\\d{1,5}")
                && Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)) <= 65535;
    }

    public static Gateway of(GatewayId id, String address, X509Certificate certificate, List<SubsystemId> hosted) {
        return new Gateway(id, address, Pem.encode(certificate), Pem.sha256Fingerprint(certificate), hosted);
    }

    public MemberId owner() {
        return id.owner();
    }

    public boolean hosts(SubsystemId subsystem) {
        return hostedSubsystems.contains(subsystem);
    }

    public X509Certificate certificate() {
        return Pem.parseCertificate(tlsCertificate);
    }
}
