package vn.ndp.gateway.exchange;

import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.eclipse.jetty.util.ssl.SslContextFactory;

import vn.ndp.gateway.config.GatewayConfiguration.Tls;
import vn.ndp.gateway.globalconf.GlobalConfigurationClient;
import vn.ndp.protocol.globalconf.ExchangeDirectory;
import vn.ndp.protocol.globalconf.Gateway;
import vn.ndp.protocol.pki.MutualTls;
import vn.ndp.protocol.pki.Pem;

/**
 * The TLS set-ups of a gateway. Between gateways: mutual TLS, certificates chaining to the
 * national CA and not revoked in the current global configuration; as a client the gateway also
 * pins the certificate the global configuration registers for the address it dials. Towards local
 * systems: the gateway's certificate, and a client certificate that is optional and identified
 * only by its fingerprint, which must be bound to a subsystem in the configuration and, when the
 * national CA issued it, not revoked.
 */
public final class GatewayTls {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> ca;
    private final GlobalConfigurationClient globalConfiguration;
    private final Map<String, BigInteger> serialByFingerprint = new ConcurrentHashMap<>();

    public GatewayTls(Tls tls, GlobalConfigurationClient globalConfiguration) {
        this.key = Pem.readPrivateKey(tls.privateKey());
        this.chain = Pem.readCertificates(tls.certificate());
        this.ca = Pem.readCertificates(tls.caCertificate());
        this.globalConfiguration = globalConfiguration;
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** Whether the current global configuration revokes a certificate; nothing is revoked without one. */
    public boolean revoked(X509Certificate certificate) {
        return globalConfiguration.current().map(s -> s.directory().isRevoked(certificate.getSerialNumber())).orElse(false);
    }

    /**
     * Whether the current global configuration revokes a local system's certificate: one the national CA issued (a
     * certificate of another issuer is not the national CA's to revoke, whatever its serial) and lists as revoked.
     */
    public boolean revokedByNationalCa(X509Certificate certificate) {
        if (!revoked(certificate)) {
            return false;
        }
        for (X509Certificate authority : ca) {
            if (certificate.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
                try {
                    certificate.verify(authority.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // same name, another key: not issued by this authority
                }
            }
        }
        return false;
    }

    /** Whether a gateway's registered certificate is revoked in {@code directory}. */
    public boolean revoked(ExchangeDirectory directory, Gateway gateway) {
        BigInteger serial = serialByFingerprint.computeIfAbsent(gateway.tlsCertificateSha256(),
                fingerprint -> gateway.certificate().getSerialNumber());
        return directory.isRevoked(serial);
    }

    /** The provider listener: other gateways must present a CA-issued, unrevoked certificate. */
    public SslContextFactory.Server providerServer() {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(MutualTls.context(key, chain, ca, this::revoked));
        factory.setNeedClientAuth(true);
        return factory;
    }

    /** The consumer HTTPS listener: a client certificate is asked for but not required. */
    public SslContextFactory.Server consumerServer() {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(context(new AnyClientCertificate()));
        factory.setWantClientAuth(true);
        return factory;
    }

    /** The client side of gateway-to-gateway calls. */
    public SslContextFactory.Client gatewayClient() {
        SslContextFactory.Client factory = new SslContextFactory.Client();
        factory.setSslContext(context(new PinnedGateway(MutualTls.trustManager(ca, this::revoked))));
        factory.setEndpointIdentificationAlgorithm(null);
        return factory;
    }

    private SSLContext context(TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance(MutualTls.PROTOCOL);
            context.init(new KeyManager[] {MutualTls.keyManager(key, chain)}, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build TLS context", e);
        }
    }

    /**
     * Accepts the server certificate only when it chains to the national CA, is not revoked, and
     * is the one the global configuration registers for the address dialled.
     */
    private final class PinnedGateway extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager pkix;

        PinnedGateway(X509ExtendedTrustManager pkix) {
            this.pkix = pkix;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            pkix.checkServerTrusted(chain, authType, engine);
            pin(chain, engine.getPeerHost() + ":" + engine.getPeerPort());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            pkix.checkServerTrusted(chain, authType, socket);
            pin(chain, socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("A gateway certificate can only be checked against the address dialled");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("Not a server trust manager");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("Not a server trust manager");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Not a server trust manager");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }

        private void pin(X509Certificate[] chain, String address) throws CertificateException {
            String fingerprint = Pem.sha256Fingerprint(chain[0]);
            Optional<Gateway> registered = globalConfiguration.current()
                    .flatMap(snapshot -> snapshot.directory().gatewayPresenting(fingerprint));
            if (registered.isEmpty() || !registered.get().address().equalsIgnoreCase(address)) {
                throw new CertificateException("The certificate presented at " + address
                        + " is not the one the global configuration registers for the gateway at that address");
            }
        }
    }

    /** Accepts any client certificate at the TLS layer; the gateway then binds it by fingerprint or refuses. */
    private static final class AnyClientCertificate extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("Not a client trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("Not a client trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Not a client trust manager");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

}
