/**
 * Governance: ministries propose platforms, the national authority evaluates
 * them against the criteria of Decision 1230/QĐ-BTTTT and decides; recognised
 * platforms are re-evaluated yearly, suspended or revoked with a reason and a
 * legal basis; editors propose changes to their published entries. Every
 * workflow is an explicit state machine; every transition is audited and
 * published as an event ({@link vn.ndp.registry.governance.GovernanceEvent}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance")
package vn.ndp.registry.governance;
