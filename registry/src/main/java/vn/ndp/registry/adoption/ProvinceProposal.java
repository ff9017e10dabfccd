package vn.ndp.registry.adoption;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A province's proposal to add a platform to the national list ("đề xuất đặt
 * hàng, bổ sung", Decision 186/QĐ-BTTTT), decided by the national authority.
 */
public record ProvinceProposal(UUID id, String provinceCode, String name, String description, String reason,
        Status status, String decisionReason, String decidedBy, OffsetDateTime decidedAt, boolean sample,
        String createdBy, OffsetDateTime createdAt, int version) {

    public enum Status {
        SUBMITTED, ACCEPTED, DECLINED;

        /** The only legal transitions: a submitted proposal is accepted or declined, once. */
        public Optional<Status> after(boolean accept) {
            return this == SUBMITTED ? Optional.of(accept ? ACCEPTED : DECLINED) : Optional.empty();
        }
    }
}
