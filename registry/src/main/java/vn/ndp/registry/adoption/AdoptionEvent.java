package vn.ndp.registry.adoption;

import java.util.UUID;

/** What happened in local adoption, published inside the changing transaction. */
public sealed interface AdoptionEvent {

    String provinceCode();

    String actor();

    record AdoptionDeclared(String provinceCode, int year, String actor) implements AdoptionEvent {
    }

    record LocalPlatformRegistered(UUID id, String provinceCode, String name, boolean overlapConfirmed, String actor)
            implements AdoptionEvent {
    }

    record LocalPlatformChanged(UUID id, String provinceCode, String name, int version, String actor)
            implements AdoptionEvent {
    }

    record LocalPlatformRemoved(UUID id, String provinceCode, String name, String reason, String actor)
            implements AdoptionEvent {
    }

    record ProvinceProposalSubmitted(UUID id, String provinceCode, String name, String actor)
            implements AdoptionEvent {
    }

    record ProvinceProposalDecided(UUID id, String provinceCode, String name, boolean accepted, String reason,
            String actor) implements AdoptionEvent {
    }
}
