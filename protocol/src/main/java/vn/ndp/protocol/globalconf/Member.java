package vn.ndp.protocol.globalconf;

import java.util.Objects;

import vn.ndp.protocol.identifiers.MemberId;

/** A member of the exchange and its official name. */
public record Member(MemberId id, String name) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
