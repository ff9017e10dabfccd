package vn.ndp.registry.governance;

import java.util.UUID;

/** What an evidence document is attached to: a proposal of a new platform, or a change request on a listed one. */
public sealed interface EvidenceOwner {

    UUID id();

    record OfProposal(UUID id) implements EvidenceOwner {
    }

    record OfChangeRequest(UUID id) implements EvidenceOwner {
    }
}
