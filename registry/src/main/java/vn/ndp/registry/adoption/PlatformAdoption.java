package vn.ndp.registry.adoption;

/** One national platform in a province's declaration: its status, who answers for it, target and progress. */
public record PlatformAdoption(String platformCode, AdoptionStatus status, Responsibility responsibility,
        String target, String progress) {

    public PlatformAdoption {
        responsibility = responsibility == null ? Responsibility.NONE : responsibility;
    }
}
