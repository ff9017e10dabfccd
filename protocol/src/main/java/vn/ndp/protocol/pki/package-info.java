/**
 * The national CA and the TLS material built from it. {@link vn.ndp.protocol.pki.NationalCa}
 * keeps a self-signed root in a directory and issues gateway TLS certificates (serverAuth and
 * clientAuth, for gateway-to-gateway mutual TLS) and the registry's global-configuration signing
 * certificate; revocations are recorded in the directory's index and reach gateways through the
 * global configuration. {@link vn.ndp.protocol.pki.CaCommand} is the {@code ndp ca} command line,
 * {@link vn.ndp.protocol.pki.MutualTls} builds {@link javax.net.ssl.SSLContext}s from the PEM
 * files and {@link vn.ndp.protocol.pki.Pem} reads and writes them, private keys owner-only.
 */
package vn.ndp.protocol.pki;
