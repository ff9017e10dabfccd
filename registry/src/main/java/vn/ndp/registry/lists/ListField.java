package vn.ndp.registry.lists;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/**
 * The fields a list version freezes for each platform, in file order. Keys are
 * stable: they are stored, compared and written as CSV headers. Enumerations
 * keep their lower-case wire names; dates are ISO (yyyy-MM-dd).
 */
public enum ListField {
    CODE("code", "Mã", "Code", (p, owner) -> p.code()),
    NAME_VI("name_vi", "Tên nền tảng", "Name (Vietnamese)", (p, owner) -> p.nameVi()),
    NAME_EN("name_en", "Tên tiếng Anh", "Name (English)", (p, owner) -> p.nameEn()),
    OWNER_CODE("owner_code", "Mã cơ quan chủ quản", "Owner code", (p, owner) -> owner.code()),
    OWNER_NAME("owner_name", "Cơ quan chủ quản", "Owner", (p, owner) -> owner.nameVi()),
    CATEGORY("category", "Nhóm", "Category", (p, owner) -> Wire.name(p.category())),
    TYPE("type", "Loại", "Type", (p, owner) -> Wire.name(p.type())),
    SCOPE("scope", "Phạm vi", "Scope",
            (p, owner) -> String.join(";", new TreeSet<>(p.scopes().stream().map(Wire::name).toList()))),
    STATUS("status", "Trạng thái", "Status", (p, owner) -> Wire.name(p.status())),
    LEGAL_BASIS("legal_basis", "Văn bản công nhận", "Legal basis", (p, owner) -> p.legalBasis().number()),
    LEGAL_BASIS_DATE("legal_basis_date", "Ngày văn bản", "Legal basis date",
            (p, owner) -> text(p.legalBasis().date())),
    LEGAL_BASIS_ISSUER("legal_basis_issuer", "Cơ quan ban hành", "Issued by", (p, owner) -> p.legalBasis().issuer()),
    OPERATOR("operator", "Đơn vị vận hành", "Operator", (p, owner) -> p.operator().name()),
    WEBSITE("website", "Trang thông tin", "Website", (p, owner) -> p.website()),
    SECURITY_LEVEL("security_level", "Cấp độ an toàn hệ thống thông tin", "Security level",
            (p, owner) -> text(p.security().level())),
    SECURITY_DOSSIER_APPROVED("security_dossier_approved", "Hồ sơ cấp độ đã phê duyệt", "Security dossier approved",
            (p, owner) -> text(p.security().dossierApproved())),
    DATA_IN_VIETNAM("data_in_vietnam", "Dữ liệu lưu trữ tại Việt Nam", "Data stored in Vietnam",
            (p, owner) -> text(p.dataInVietnam())),
    NDXP_STATUS("ndxp_status", "Kết nối NDXP", "NDXP connection", (p, owner) -> Wire.name(p.ndxpStatus())),
    DESCRIPTION_VI("description_vi", "Mô tả", "Description", (p, owner) -> p.descriptionVi());

    private final String key;
    private final String labelVi;
    private final String labelEn;
    private final BiFunction<Platform, Agency, String> value;

    ListField(String key, String labelVi, String labelEn, BiFunction<Platform, Agency, String> value) {
        this.key = key;
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The field's value for the platform owned by {@code owner}; blank values are null. */
    public String of(Platform platform, Agency owner) {
        String v = value.apply(platform, owner);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(ListField::key).toList();
    }

    public static ListField byKey(String key) {
        for (ListField field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }

    /** The value of this field in a frozen row. */
    public String in(Map<String, String> fields) {
        return fields.get(key);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
