/**
 * The X-Road error model of the Message Protocol for REST, section 4.6: stable
 * {@link vn.ndp.protocol.errors.XRoadErrorType types} whose prefix says where the error arose
 * ({@code Client}, {@code Server.ClientProxy} for the consumer's gateway,
 * {@code Server.ServerProxy} for the provider's gateway), the HTTP status that goes with each
 * (400 for the client's fault, 500 otherwise), the JSON body {@code {type, message, detail}} and
 * the {@code X-Road-Error} header. Gateways raise {@link vn.ndp.protocol.errors.XRoadException}.
 * {@link vn.ndp.protocol.errors.Failures#describe} says what any failure was, for a person.
 */
package vn.ndp.protocol.errors;
