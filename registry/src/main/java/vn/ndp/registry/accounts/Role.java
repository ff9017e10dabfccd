package vn.ndp.registry.accounts;

/**
 * What an account may do. Anonymous visitors (the public) have no role and can only read. Pages name a role by its
 * label, message {@code accounts.role.NAME} ({@code accounts.role.ministry_editor}).
 */
public enum Role {
    /** National authority administrator: accounts, publication of official lists, everything a reviewer can. */
    ADMIN,
    /** National authority reviewer: evaluates proposals and re-evaluations, decides. */
    REVIEWER,
    /** Drafts and maintains the platforms of one ministry or agency. */
    MINISTRY_EDITOR,
    /** Maintains one province's adoption plan and local platforms. */
    PROVINCE_EDITOR,
    /** Runs platforms: keeps their operator contact current, answers support requests. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Editors act for exactly one agency (a ministry, or a province). */
    public boolean scopedToAgency() {
        return this == MINISTRY_EDITOR || this == PROVINCE_EDITOR;
    }

    public boolean nationalAuthority() {
        return this == ADMIN || this == REVIEWER;
    }
}
