package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;
import vn.ndp.registry.shared.RegistryException.FieldError;

/**
 * The same value sent through {@code ./ndp import platforms} and through the API meets the same rule: each value
 * below was taken by one and refused by the other. The import refuses it on its line, by column, writing nothing;
 * the API answers problem+json naming the field.
 */
@RegistryIntegrationTest
class PlatformValueRulesIntegrationTests {

    private static final List<String> MORE_COLUMNS = List.of("legal_basis_date", "operator_phone", "data_in_vietnam");

    @Autowired
    PlatformImport platformImport;

    @Autowired
    ApiCalls api;

    @Autowired
    TestAccounts accounts;

    /** A file of one good row (line 2) but for {@code column}, which holds {@code value}. */
    private static byte[] file(String column, String value) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (String name : CatalogueCsv.COLUMNS) {
            cells.put(name, "");
        }
        for (String name : MORE_COLUMNS) {
            cells.put(name, "");
        }
        cells.putAll(Map.of("code", "RULES-IMPORT-1", "name_vi", "Nền tảng kiểm thử quy tắc", "owner_code", "BYT",
                "category", "government", "type", "platform", "scope", "central", "status", "trial"));
        cells.put(column, value);
        return CatalogueCsv.of(MORE_COLUMNS, String.join(",", cells.values().stream()
                .map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList()));
    }

    private FieldError importRefusal(String column, String value) {
        RegistryException refusal = catchThrowableOfType(RegistryException.class, () -> platformImport.importFile(
                "rules.csv", file(column, value), PlatformImport.Progress.NONE, "import (tester)"));
        assertThat(refusal).as("the import of %s = '%s'", column, value).isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.IMPORT_REJECTED);
        assertThat(refusal.errors()).as("%s = '%s'", column, value).singleElement()
                .satisfies(error -> assertThat(error.line()).isEqualTo(2));
        return refusal.errors().getFirst();
    }

    private JsonNode changeRefusal(String field, String value) {
        String editor = accounts.token(Role.MINISTRY_EDITOR, "BYT");
        int version = api.get(null, "/api/v1/platforms/VHR", 200).get("version").asInt();
        return api.post(editor, "/api/v1/platforms/VHR/changes", Map.of("version", version, "fields",
                Map.of(field, value), "reason", "Kiểm thử"), 400);
    }

    @ParameterizedTest(name = "{0} = ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            name_vi           | name_vi               | LONG_NAME        | must be at most 500 characters
            description_vi    | description_vi        | BELL             | contains control characters
            website           | website               | https://:443/    | is not an http(s) address
            legal_basis_date  | legal_basis_date      | 1/7/0202         | the year must be 1900 to 2099
            legal_basis_date  | legal_basis_date      | 31/12/2999       | the year must be 1900 to 2099
            """)
    void aValueTheImportAndAChangeRequestDisagreedOnIsRefusedByBoth(String column, String field, String value,
            String message) {
        String sent = switch (value) {
            case "LONG_NAME" -> "Nền tảng " + "x".repeat(495);
            case "BELL" -> "Mô tả" + (char) 7;
            default -> value;
        };

        FieldError imported = importRefusal(column, sent);
        JsonNode answered = changeRefusal(field, sent);

        assertThat(imported.field()).isEqualTo(column);
        assertThat(imported.message()).contains(message);
        assertThat(answered.path("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(answered.path("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(answered.path("errors").get(0).path("message").asString()).isEqualTo(imported.message());
    }

    /** Codes: the import took 1 to 64 characters, a proposal 2 to 40; both take 2 to 40 now, typed in any case. */
    @ParameterizedTest(name = "code ''{0}''")
    @CsvSource({"X", "NEN-TANG-CO-MA-DAI-HON-BON-MUOI-KY-TU-X41"})
    void aPlatformCodeIsOneRuleForTheImportAndAProposal(String code) {
        FieldError imported = importRefusal("code", code);
        JsonNode proposed = api.post(accounts.token(Role.MINISTRY_EDITOR, "BYT"), "/api/v1/proposals",
                Map.of("code", code, "fields", Map.of("name_vi", "Nền tảng có mã sai")), 400);

        assertThat(imported.field()).isEqualTo("code");
        assertThat(proposed.path("errors").findValuesAsString("field")).containsExactly("code");
        assertThat(proposed.path("errors").get(0).path("message").asString()).isEqualTo(imported.message());
    }

    /**
     * Spellings the import took and the API refused: a code in small letters, true and false as 1, 0, co, khong.
     * (What the API took and the import refused is in PlatformRowsTests: no file is imported here, as this database
     * is shared.)
     */
    @Test
    void spellingsTheImportTookAreTakenByTheApi() {
        String editor = accounts.token(Role.MINISTRY_EDITOR, "BYT");
        String code = "RULES-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);

        JsonNode draft = api.post(editor, "/api/v1/proposals", Map.of("code", code.toLowerCase(java.util.Locale.ROOT),
                "fields", Map.of("name_vi", "Nền tảng kiểm thử", "data_in_vietnam", "khong")), 201);

        assertThat(draft.path("code").asString()).isEqualTo(code);
    }
}
