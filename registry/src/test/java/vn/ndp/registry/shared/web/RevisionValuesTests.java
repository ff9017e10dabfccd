package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class RevisionValuesTests {

    RevisionValues values;

    @BeforeEach
    void messages() {
        StaticMessageSource messages = new StaticMessageSource();
        Locale vi = Locale.forLanguageTag("vi");
        messages.addMessage("status.in_use", vi, "Đang sử dụng");
        messages.addMessage("adoption.status.in_use", vi, "Đang sử dụng (địa phương)");
        messages.addMessage("scope.central", vi, "Trung ương");
        messages.addMessage("scope.province", vi, "Cấp tỉnh");
        messages.addMessage("adoption.verdict.overlapping", vi, "Chồng lấn chức năng");
        messages.addMessage("adoption.verdict.distinct", vi, "Không trùng lặp");
        messages.addMessage("common.yes", vi, "Có");
        messages.addMessage("common.no", vi, "Không");
        values = new RevisionValues(messages);
        LocaleContextHolder.setLocale(vi);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void codedValuesAreLabelledByTheirHistorysOwnKeys() {
        assertThat(values.label("field.", "status", "in_use")).isEqualTo("Đang sử dụng");
        assertThat(values.label("adoption.local.field.", "status", "in_use")).isEqualTo("Đang sử dụng (địa phương)");
        assertThat(values.label("field.", "scopes", "central;province")).isEqualTo("Trung ương; Cấp tỉnh");
        assertThat(values.label("field.", "data_in_vietnam", "true")).isEqualTo("Có");
        assertThat(values.label("field.", "security_dossier_approved", "false")).isEqualTo("Không");
        assertThat(values.label("adoption.local.field.", "overlap_verdict", "overlapping"))
                .isEqualTo("Chồng lấn chức năng");
        assertThat(values.label("adoption.local.field.", "overlap_verdict", "distinct")).isEqualTo("Không trùng lặp");
    }

    @Test
    void storedDatesAreWrittenAsTheSiteWritesDates() {
        assertThat(values.label("field.", "legal_basis_date", "2025-07-01")).isEqualTo("01/07/2025");
        assertThat(values.label("field.", "security_dossier_date", "2024-12-31")).isEqualTo("31/12/2024");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(values.label("field.", "legal_basis_date", "2025-07-01")).isEqualTo("1 Jul 2025");
        assertThat(values.label("field.", "legal_basis_date", "not a date")).as("as stored").isEqualTo("not a date");
        assertThat(RevisionValues.labelKey("field.", "legal_basis_date", "2025-07-01")).isNull();
    }

    @Test
    void eachCodedValueHasTheKeyTheFormsLabelTheirOptionsWith() {
        assertThat(RevisionValues.labelKey("field.", "status", "in_use")).isEqualTo("status.in_use");
        assertThat(RevisionValues.labelKey("adoption.local.field.", "status", "in_use"))
                .isEqualTo("adoption.status.in_use");
        assertThat(RevisionValues.labelKey("field.", "data_in_vietnam", "true")).isEqualTo("common.yes");
        assertThat(RevisionValues.labelKey("field.", "security_dossier_approved", "false")).isEqualTo("common.no");
        assertThat(RevisionValues.labelKey("field.", "data_in_vietnam", "maybe")).isNull();
        assertThat(RevisionValues.labelKey("field.", "operator_contact", "in_use")).as("free text").isNull();
    }

    @Test
    void anythingElseIsShownAsItIs() {
        assertThat(values.label("field.", "operator_contact", "in_use")).as("free text").isEqualTo("in_use");
        assertThat(values.label("field.", "status", "not_a_status")).isEqualTo("not_a_status");
        assertThat(values.label("field.", "status", null)).isNull();
        assertThat(values.label("field.", "status", "")).isEmpty();
        assertThat(values.label("other.", "status", "in_use")).isEqualTo("in_use");
    }
}
