package vn.ndp.gateway.exchange;

import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

import vn.ndp.protocol.pki.Pem;

/**
 * The certificate a TLS peer presented and its SHA-256 fingerprint, which identifies it in the
 * gateway's configuration and the global configuration. The fingerprint is computed once per TLS
 * session and kept in it, not once per request.
 */
record PeerCertificate(X509Certificate certificate, String fingerprint) {

    private static final String FINGERPRINT = "ndp.peer.sha256";

    /** The peer's certificate, if the request came over TLS with one. */
    static Optional<PeerCertificate> of(Request request) {
        if (!(request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData data)
                || data.peerCertificates() == null || data.peerCertificates().length == 0) {
            return Optional.empty();
        }
        X509Certificate certificate = data.peerCertificates()[0];
        SSLSession session = data.sslSession();
        Object known = session == null ? null : session.getValue(FINGERPRINT);
        String fingerprint = known instanceof String text ? text : Pem.sha256Fingerprint(certificate);
        if (session != null && known == null) {
            session.putValue(FINGERPRINT, fingerprint);
        }
        return Optional.of(new PeerCertificate(certificate, fingerprint));
    }
}
