/**
 * The append-only audit log: every state change and sign-in, recorded in the
 * same transaction as the change, from one documented enum
 * ({@link vn.ndp.registry.audit.AuditEvent}). Administrators view and filter it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package vn.ndp.registry.audit;
