package vn.ndp.registry.accounts;

/** What an account may do. Anonymous visitors (the public) have no role and can only read. */
public enum Role {
    /** National authority administrator: accounts, publication of official lists, everything a reviewer can. */
    ADMIN("Quản trị viên cơ quan quản lý", "National authority administrator"),
    /** National authority reviewer: evaluates proposals and re-evaluations, decides. */
    REVIEWER("Chuyên viên thẩm định", "Reviewer (national authority)"),
    /** Drafts and maintains the platforms of one ministry or agency. */
    MINISTRY_EDITOR("Biên tập viên bộ, ngành", "Ministry editor"),
    /** Maintains one province's adoption plan and local platforms. */
    PROVINCE_EDITOR("Biên tập viên địa phương", "Province editor"),
    /** Runs platforms: keeps their operator contact current, answers support requests. */
    OPERATOR("Đơn vị vận hành", "Platform operator");

    private final String labelVi;
    private final String labelEn;

    Role(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Editors act for exactly one agency (a ministry, or a province). */
    public boolean scopedToAgency() {
        return this == MINISTRY_EDITOR || this == PROVINCE_EDITOR;
    }

    public boolean nationalAuthority() {
        return this == ADMIN || this == REVIEWER;
    }
}
