/**
 * The gateway (an LGSP node): the data plane of the exchange. {@link vn.ndp.gateway.GatewayMain}
 * reads one configuration file ({@code config}) and starts a {@link vn.ndp.gateway.GatewayNode}:
 * the consumer side for local systems ({@code exchange.ConsumerProxy}, authenticated by
 * {@code clients}), the provider side for other gateways ({@code exchange.ProviderProxy}), the
 * verified copy of the global configuration ({@code globalconf}), the REST metaservices
 * ({@code metaservices}), operational monitoring and usage reporting ({@code monitoring}) and
 * a small admin API ({@code admin}). Decisions: docs/adr/0005-gateway-data-plane.md.
 */
package vn.ndp.gateway;
