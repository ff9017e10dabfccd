/**
 * What every registry module uses: the embedded PostgreSQL default, the clock,
 * stable error codes and their RFC 9457 problem documents (among them the
 * refusal of a write based on a stale version), a field's change from one
 * version to the next, the as-of date of a request, and the web conventions
 * (locale, formatting).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.ndp.registry.shared;
