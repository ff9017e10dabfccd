/**
 * Notifications: in-app notices (one per recipient account, with an unread
 * count and "mark read") and, when an SMTP server is configured
 * ({@code spring.mail.host}), the same notice by e-mail — Vietnamese first,
 * English below. Notices follow the governance workflow
 * ({@link vn.ndp.registry.governance.GovernanceEvent}, after its transaction
 * commits): reviewers hear of submissions and change requests, the owning
 * agency's editors of decisions, returns for changes, re-evaluations due,
 * suspensions and revocations; the national authority can also send reminders
 * ({@link vn.ndp.registry.notifications.Notices#remindToAnnounce}). E-mail is
 * sent after commit on its own threads and retried; a failure is logged and
 * recorded on the notice, never undoing the change that caused it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package vn.ndp.registry.notifications;
