package vn.ndp.protocol.pki;

import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;

/**
 * Builds the TLS material for gateway-to-gateway mutual TLS from the national CA's PEM files:
 * a key manager presenting the gateway's certificate, and a trust manager that accepts only
 * certificates chaining to the national CA and not revoked. Revocation is a predicate so that
 * the gateway can answer it from its current global configuration.
 */
public final class MutualTls {

    public static final String PROTOCOL = "TLSv1.3";

    private MutualTls() {
    }

    /** An {@link SSLContext} for a gateway: presents {@code certificateFile}, trusts {@code caFile}. */
    public static SSLContext context(Path certificateFile, Path privateKeyFile, Path caFile,
                                     Predicate<X509Certificate> revoked) {
        return context(Pem.readPrivateKey(privateKeyFile), Pem.readCertificates(certificateFile),
                Pem.readCertificates(caFile), revoked);
    }

    public static SSLContext context(PrivateKey key, List<X509Certificate> chain, Collection<X509Certificate> trustedCas,
                                     Predicate<X509Certificate> revoked) {
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(new javax.net.ssl.KeyManager[] {keyManager(key, chain)},
                    new TrustManager[] {trustManager(trustedCas, revoked)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build TLS context", e);
        }
    }

    public static X509KeyManager keyManager(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A key manager needs the key's certificate");
        }
        try {
            char[] password = UUID.randomUUID().toString().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("gateway", key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return (X509KeyManager) factory.getKeyManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build key manager", e);
        }
    }

    /** Trusts chains to {@code trustedCas} only, and refuses a peer certificate for which {@code revoked} holds. */
    public static X509ExtendedTrustManager trustManager(Collection<X509Certificate> trustedCas,
                                                        Predicate<X509Certificate> revoked) {
        if (trustedCas.isEmpty()) {
            throw new IllegalArgumentException("A trust manager needs at least one CA certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : trustedCas) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager pkix) {
                    return new RevocationCheckingTrustManager(pkix, Objects.requireNonNull(revoked, "revoked"));
                }
            }
            throw new IllegalStateException("No X509 trust manager in this JDK");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build trust manager", e);
        }
    }

    /** Nothing is revoked: for tests and for the first start before any global configuration. */
    public static Predicate<X509Certificate> noRevocations() {
        return certificate -> false;
    }

    private static final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager pkix;
        private final Predicate<X509Certificate> revoked;

        RevocationCheckingTrustManager(X509ExtendedTrustManager pkix, Predicate<X509Certificate> revoked) {
            this.pkix = pkix;
            this.revoked = revoked;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            pkix.checkClientTrusted(chain, authType, socket);
            refuseRevoked(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            pkix.checkServerTrusted(chain, authType, socket);
            refuseRevoked(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            pkix.checkClientTrusted(chain, authType, engine);
            refuseRevoked(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            pkix.checkServerTrusted(chain, authType, engine);
            refuseRevoked(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
            refuseRevoked(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
            refuseRevoked(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }

        private void refuseRevoked(X509Certificate[] chain) throws CertificateException {
            for (X509Certificate certificate : chain) {
                if (revoked.test(certificate)) {
                    throw new CertificateException("Certificate " + certificate.getSerialNumber().toString(16)
                            + " (" + certificate.getSubjectX500Principal().getName() + ") is revoked");
                }
            }
        }
    }
}
