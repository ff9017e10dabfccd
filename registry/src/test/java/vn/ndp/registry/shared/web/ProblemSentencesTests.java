package vn.ndp.registry.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import vn.ndp.registry.shared.ConcurrentChange;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;
import vn.ndp.registry.shared.web.ProblemSentences.Line;

class ProblemSentencesTests {

    static final Locale VI = Locale.forLanguageTag("vi");

    ProblemSentences sentences;

    @BeforeEach
    void messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("form.error", VI, "Chưa lưu được.");
        messages.addMessage("form.error.NOT_FOUND", VI, "Không tìm thấy.");
        messages.addMessage("form.error.field.purpose", VI, "Mục đích sử dụng dữ liệu: bắt buộc, tối đa 2.000 ký tự.");
        messages.addMessage("form.error.field.date", VI, "Ngày “{0}” không đúng dạng dd/MM/yyyy.");
        messages.addMessage("form.error.field.criterion", VI, "Tiêu chí “{0}”: chấm từ 0 đến 5.");
        messages.addMessage("criterion.technical", VI, "Kỹ thuật");
        messages.addMessage("upload.refused", VI, "Tệp “{0}” không thuộc loại được nhận.");
        messages.addMessage("field.email", VI, "Thư điện tử");
        messages.addMessage("field.status", VI, "Trạng thái");
        messages.addMessage("form.error.field.agency", VI, "Mã cơ quan: là mã của một cơ quan trong danh mục.");
        messages.addMessage("form.error.field.agency.unknown", VI, "Mã cơ quan: không có cơ quan nào mang mã “{0}”.");
        messages.addMessage("param.invalid.integer", VI, "không phải là một số nguyên.");
        messages.addMessage("status.in_use", VI, "Đang sử dụng");
        messages.addMessage("status.trial", VI, "Thử nghiệm");
        messages.addMessage("concurrent.changed", VI, "{0}: {3} đã đổi từ “{1}” thành “{2}” lúc {4}.");
        messages.addMessage("concurrent.set", VI, "{0}: {2} đã nhập “{1}” lúc {3}.");
        messages.addMessage("concurrent.removed", VI, "{1} đã gỡ nền tảng này lúc {2}. Lý do: {3}");
        LocaleContextHolder.setLocale(VI);
        sentences = new ProblemSentences(messages, new ConfiguredLabels(messages), new RevisionValues(messages),
                new Dates());
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theHeadlineIsTheCodesSentenceElseThePrefixs() {
        assertThat(sentences.of(new RegistryException(ErrorCode.NOT_FOUND, "No such thing"), "form.error", null, false,
                "field.").headline()).isEqualTo("Không tìm thấy.");
        assertThat(sentences.of(new RegistryException(ErrorCode.INVALID_BODY, "Bad"), "form.error", null, false,
                "field.").headline()).isEqualTo("Chưa lưu được.");
        assertThat(sentences.of(new RegistryException(ErrorCode.INVALID_BODY, "Bad"), "unknown.prefix", null, false,
                "field.").headline()).as("a missing sentence shows its key").isEqualTo("unknown.prefix");
    }

    @Test
    void theEnglishDetailOnlyWhenAskedAndNothingMorePreciseIsSaid() {
        RegistryException plain = new RegistryException(ErrorCode.INVALID_BODY, "The plan is closed.");
        assertThat(sentences.of(plain, "form.error", null, true, "field.").detail()).isEqualTo("The plan is closed.");
        assertThat(sentences.of(plain, "form.error", null, false, "field.").detail()).isNull();

        RegistryException withFields = new RegistryException(ErrorCode.INVALID_BODY, "2 problems",
                List.of(FieldError.of("purpose", "required")));
        assertThat(sentences.of(withFields, "form.error", null, true, "field.").detail()).isNull();

        RegistryException said = new RegistryException(ErrorCode.INVALID_BODY, "setup.exe is not accepted",
                RegistryException.Said.of("upload.refused", "setup.exe"));
        var problem = sentences.of(said, "form.error", null, true, "field.");
        assertThat(problem.detail()).isNull();
        assertThat(problem.said()).isEqualTo("Tệp “setup.exe” không thuộc loại được nhận.");
    }

    @Test
    void eachFieldIsSaidByItsSentenceItsGroupsOrElseInTheApisWords() {
        RegistryException error = new RegistryException(ErrorCode.INVALID_BODY, "4 problems", List.of(
                FieldError.of("purpose", "must not be blank"),
                FieldError.of("date", "not a date"),
                FieldError.of("criterion.technical", "must be 0 to 5"),
                FieldError.of("criterion.interoperability", "must be 0 to 5"),
                FieldError.of("legalBasis", "too long"),
                FieldError.of(null, "the request as a whole")));
        assertThat(sentences.of(error, "form.error", "31/02/2026", false, "field.").lines()).containsExactly(
                new Line("Mục đích sử dụng dữ liệu: bắt buộc, tối đa 2.000 ký tự.", null, null, null),
                new Line("Ngày “31/02/2026” không đúng dạng dd/MM/yyyy.", null, null, null),
                new Line("Tiêu chí “Kỹ thuật”: chấm từ 0 đến 5.", null, null, null),
                // an item the messages do not know is named as configured
                new Line("Tiêu chí “interoperability”: chấm từ 0 đến 5.", null, null, null),
                new Line(null, null, "legalBasis", "too long"),
                new Line(null, null, null, "the request as a whole"));
    }

    @Test
    void aConcurrentChangeSaysWhatChangedNamedByTheFieldsLabel() {
        RegistryException error = new RegistryException(ErrorCode.CONCURRENT_CHANGE, "Changed meanwhile", List.of(
                FieldError.of("purpose", "now 'Thống kê'"),
                FieldError.of("email", "now a@b.vn"),
                FieldError.of("phone", "now 024")));
        assertThat(sentences.of(error, "form.error", null, true, "field.").lines()).containsExactly(
                new Line(null, null, "purpose", "now 'Thống kê'"),
                new Line(null, "Thư điện tử", "email", "now a@b.vn"),
                new Line(null, null, "phone", "now 024"));
    }

    @Test
    void aConcurrentChangeIsSaidInTheReadersLanguageWithItsValuesLabelledAndTheMomentOnVietnamsClock() {
        OffsetDateTime morningUtc = OffsetDateTime.parse("2026-11-24T20:57:00Z");
        RegistryException error = ConcurrentChange.of("Platform NDXP", 0, 1)
                .changed(List.of(new FieldChange<>("status", "trial", "in_use"),
                        new FieldChange<>("operator_email", null, "a@b.vn"),
                        new FieldChange<>("phone", "024 2220 2828", "024 3333 4444")), f -> f, "qa-ui-min", morningUtc)
                .happened("removed", "removed from the register", "qa-ui-min", morningUtc, "Không còn dùng.")
                .refusal();

        assertThat(sentences.of(error, "form.error", null, true, "field.").lines()).containsExactly(
                new Line("Trạng thái: qa-ui-min đã đổi từ “Thử nghiệm” thành “Đang sử dụng” lúc 25/11/2026 03:57.",
                        null, null, null),
                new Line("operator_email: qa-ui-min đã nhập “a@b.vn” lúc 25/11/2026 03:57.", null, null, null),
                new Line("phone: qa-ui-min đã đổi từ “024 2220 2828” thành “024 3333 4444” lúc 25/11/2026 03:57.",
                        null, null, null),
                new Line("qa-ui-min đã gỡ nền tảng này lúc 25/11/2026 03:57. Lý do: Không còn dùng.", null, null,
                        null));
    }

    @Test
    void aConcurrentChangeWithoutASentenceInTheReadersLanguageKeepsTheApisWords() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        RegistryException error = ConcurrentChange.of("Platform NDXP", 0, 1)
                .changed(List.of(new FieldChange<>("email", "a@b.vn", "c@d.vn")), f -> f, "editor",
                        OffsetDateTime.parse("2026-03-02T01:05:00Z"))
                .refusal();

        assertThat(sentences.of(error, "form.error", null, true, "field.").lines()).containsExactly(new Line(null,
                null, "email", "changed from 'a@b.vn' to 'c@d.vn' by editor at 02/03/2026 08:05 (UTC+7)"));
    }

    @Test
    void aFieldProblemWithASentenceOfThePagesOwnSaysExactlyWhatWasWrong() {
        RegistryException error = new RegistryException(ErrorCode.INVALID_BODY, "3 problems", List.of(
                FieldError.of("agency", "no agency has the code 'XYZ'.",
                        RegistryException.Said.of("form.error.field.agency.unknown", "XYZ")),
                FieldError.of("agency", "no agency has the code 'ABC'.",
                        RegistryException.Said.of("form.error.field.agency.unknown", "ABC")),
                // a sentence of another page's (the 400 page's) does not replace this page's for the field
                FieldError.of("agency", "'x' is not a whole number.",
                        RegistryException.Said.of("param.invalid.integer"))));

        assertThat(sentences.of(error, "form.error", null, false, "field.").lines()).containsExactly(
                new Line("Mã cơ quan: không có cơ quan nào mang mã “XYZ”.", null, null, null),
                new Line("Mã cơ quan: không có cơ quan nào mang mã “ABC”.", null, null, null),
                new Line("Mã cơ quan: là mã của một cơ quan trong danh mục.", null, null, null));
    }
}
