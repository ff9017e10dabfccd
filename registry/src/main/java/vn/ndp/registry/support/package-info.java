/**
 * Support requests: an agency (a province's or a ministry's editor) asks a
 * platform's operator for help — subject, description, attachments, priority —
 * and both sides keep a thread of messages. The operator works through its
 * queue and moves each request through an explicit state machine
 * ({@link vn.ndp.registry.support.SupportStatus}); the due date comes from a
 * configurable service level per priority counted in working days
 * ({@link vn.ndp.registry.support.ServiceLevels}), and overdue requests are
 * listed for operators and the national authority. Scope is decided on the
 * server: requesters see their agency's requests, operators their platforms',
 * the national authority all. Every change is audited and published as a
 * {@link vn.ndp.registry.support.SupportEvent}, which becomes in-app and e-mail
 * notices once it commits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support requests")
package vn.ndp.registry.support;
