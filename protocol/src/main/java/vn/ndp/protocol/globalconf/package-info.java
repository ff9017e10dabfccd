/**
 * The global configuration: the versioned document the registry publishes and every gateway
 * serves from. {@link vn.ndp.protocol.globalconf.GlobalConfiguration} is the immutable model
 * (members, subsystems, gateways, services, access rights, revoked certificates);
 * {@link vn.ndp.protocol.globalconf.GlobalConfigurationJson} writes it as canonical JSON (sorted
 * keys, sorted lists, no insignificant whitespace), so that equal configurations give equal bytes;
 * {@link vn.ndp.protocol.globalconf.GlobalConfigurationSigner} wraps those bytes in a CMS
 * SignedData (RFC 5652) with the registry's key; and
 * {@link vn.ndp.protocol.globalconf.GlobalConfigurationVerifier} is what a gateway calls to accept
 * a download: signed by the configured anchor, for this instance, not expired, not older than the
 * last one accepted. {@link vn.ndp.protocol.globalconf.ExchangeDirectory} answers a gateway's
 * per-request questions from a verified configuration, and {@link vn.ndp.protocol.globalconf.EndpointRules}
 * says which methods and paths the gateways serve, so which endpoints the registry keeps. See docs/adr/0002.
 */
package vn.ndp.protocol.globalconf;
