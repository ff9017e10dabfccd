package vn.ndp.protocol.globalconf;

import java.util.Objects;

import vn.ndp.protocol.identifiers.SubsystemId;

/**
 * A subsystem, linked to the platform or information system in the registry's catalogue that it
 * stands for ({@code platformCode}, absent when none is linked).
 */
public record Subsystem(SubsystemId id, String platformCode) {

    public Subsystem {
        Objects.requireNonNull(id, "id");
    }
}
