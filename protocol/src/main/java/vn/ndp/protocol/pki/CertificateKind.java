package vn.ndp.protocol.pki;

/** What a certificate issued by the national CA is for. */
public enum CertificateKind {
    /** The CA's own self-signed root. */
    ROOT,
    /** A gateway's TLS certificate, for both ends of gateway-to-gateway mutual TLS. */
    GATEWAY_TLS,
    /** The registry's key that signs the global configuration. */
    CONFIGURATION_SIGNING
}
