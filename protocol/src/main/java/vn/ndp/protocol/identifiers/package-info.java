/**
 * Exchange identifiers in the X-Road form {@code INSTANCE/CLASS/MEMBER[/SUBSYSTEM[/SERVICE]]}:
 * members ({@link vn.ndp.protocol.identifiers.MemberId}), the client subsystems that appear in
 * the {@code X-Road-Client} header ({@link vn.ndp.protocol.identifiers.SubsystemId}), the
 * services addressed by {@code /r1/{serviceId}} ({@link vn.ndp.protocol.identifiers.ServiceId}) and the
 * gateways ({@link vn.ndp.protocol.identifiers.GatewayId}).
 *
 * <p>Every part is checked against the character rules of the X-Road Message Protocol for REST
 * 1.0.3, section 4.8: only {@code A-Z a-z 0-9} and {@code '()+,-.=?}. A violation raises
 * {@link vn.ndp.protocol.identifiers.InvalidIdentifierException}, which names the part and the
 * reason. {@link vn.ndp.protocol.identifiers.IdentifierParser} parses the percent-encoded wire
 * forms for one configured instance.
 */
package vn.ndp.protocol.identifiers;
