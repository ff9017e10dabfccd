package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConcurrentChangeTests {

    enum Field { OPERATOR_EMAIL, WEBSITE }

    static final OffsetDateTime MORNING_UTC = OffsetDateTime.parse("2026-03-02T01:05:00Z");

    @Test
    void theRefusalSaysNothingWasSavedAndWhichVersionWasReadAndWhichItIsNow() {
        RegistryException refusal = ConcurrentChange.of("Platform NDXP", 3, 5).refusal();

        assertThat(refusal.code()).isEqualTo(ErrorCode.CONCURRENT_CHANGE);
        assertThat(refusal.getMessage()).isEqualTo("Platform NDXP was changed by someone else after you read it (you"
                + " had version 3, it is now at version 5). Nothing was saved; review the changes listed and apply"
                + " yours again.");
        assertThat(refusal.errors()).isEmpty();
    }

    @Test
    void aVersionAheadOfTheCurrentOneIsTheWritersMistakeOnVersionNotAConcurrentChange() {
        RegistryException refusal = ConcurrentChange.of("Platform NDXP", 7, 5).refusal();

        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(refusal.errors()).containsExactly(RegistryException.FieldError.of("version",
                "is 7, but Platform NDXP is at version 5: send the version you read."));
    }

    @Test
    void eachChangedFieldIsNamedWithItsValuesWhoChangedItAndWhenInVietnamTime() {
        RegistryException refusal = ConcurrentChange.of("Platform NDXP", 0, 1)
                .changed(List.of(new FieldChange<>(Field.OPERATOR_EMAIL, "a@b.vn", "c@d.vn"),
                        new FieldChange<>(Field.WEBSITE, null, "https://ndxp.gov.vn")),
                        field -> field.name().toLowerCase(Locale.ROOT), "editor", MORNING_UTC)
                .refusal();

        assertThat(refusal.errors()).extracting(RegistryException.FieldError::field,
                RegistryException.FieldError::message).containsExactly(
                tuple("operator_email", "changed from 'a@b.vn' to 'c@d.vn' by editor at 02/03/2026 08:05 (UTC+7)"),
                tuple("website", "changed from '' to 'https://ndxp.gov.vn' by editor at 02/03/2026 08:05 (UTC+7)"));
        assertThat(refusal.errors()).extracting(RegistryException.FieldError::said).as("the pages' sentences")
                .containsExactly(RegistryException.Said.of("concurrent.changed", new ConcurrentChange.Value("a@b.vn"),
                                new ConcurrentChange.Value("c@d.vn"), "editor", MORNING_UTC),
                        RegistryException.Said.of("concurrent.set", new ConcurrentChange.Value("https://ndxp.gov.vn"),
                                "editor", MORNING_UTC));
    }

    @Test
    void aChangeThatIsNotAFieldsIsNamedWithWhoMadeItWhenAndWhy() {
        RegistryException refusal = ConcurrentChange.of("Local platform 'Cổng dịch vụ công'", 0, 1)
                .happened("removed", "removed from the register", "editor", MORNING_UTC, "Không còn dùng.")
                .refusal();

        assertThat(refusal.getMessage())
                .startsWith("Local platform 'Cổng dịch vụ công' was changed by someone else after you read it");
        assertThat(refusal.errors()).containsExactly(RegistryException.FieldError.of("removed",
                "removed from the register by editor at 02/03/2026 08:05 (UTC+7): Không còn dùng.",
                RegistryException.Said.of("concurrent.removed", "editor", MORNING_UTC, "Không còn dùng.")));
    }
}
