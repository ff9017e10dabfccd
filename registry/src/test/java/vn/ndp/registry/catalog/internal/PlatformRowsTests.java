package vn.ndp.registry.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ndp.registry.catalog.Category;
import vn.ndp.registry.catalog.LifecycleStatus;
import vn.ndp.registry.catalog.NdxpStatus;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformType;
import vn.ndp.registry.catalog.Scope;
import vn.ndp.registry.shared.RegistryException.FieldError;
import vn.ndp.registry.shared.Tabular;

class PlatformRowsTests {

    private static final String HEADER = "code,name_vi,name_en,owner_code,category,type,scope,status,description_vi,"
            + "description_en,operator,legal_basis,website";
    private static final String GOOD = "TEST-1,Nền tảng thử nghiệm,Test platform,BTC,government,platform,central,"
            + "in_use,Mô tả,Description,Cục Tin học,Quyết định 1/QĐ,https://example.vn";
    private static final Set<String> AGENCIES = Set.of("BTC", "BCA");

    private static PlatformRows.Parsed parse(String csv) {
        return PlatformRows.parse(Tabular.read("test.csv", csv.getBytes(StandardCharsets.UTF_8), n -> { }),
                AGENCIES::contains, "test fixture", false, java.time.LocalDate.of(2026, 1, 1));
    }

    /** A file whose one data row (line 2) is GOOD with the given column replaced. */
    private static PlatformRows.Parsed withCell(String column, String value) {
        String header = HEADER + ",operator_phone,operator_email,legal_basis_date,security_level,"
                + "security_dossier_approved,data_in_vietnam,ndxp_status,listed_from";
        String[] names = header.split(",");
        String[] cells = (GOOD + ",,,,,,,,").split(",", -1);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(column)) {
                cells[i] = "\"" + value.replace("\"", "\"\"") + "\"";
            }
        }
        return parse(header + "\n" + String.join(",", cells) + "\n");
    }

    @Test
    void aGoodRowBecomesAPlatformWithTheDefaultSource() {
        var parsed = parse(HEADER + ",tags,security_level,data_in_vietnam,ndxp_status,listed_from\n"
                + GOOD + ",a; b;a,3,có,connected,11/09/2025\n");

        assertThat(parsed.errors()).isEmpty();
        Platform p = parsed.platforms().getFirst();
        assertThat(p.code()).isEqualTo("TEST-1");
        assertThat(p.category()).isEqualTo(Category.GOVERNMENT);
        assertThat(p.type()).isEqualTo(PlatformType.PLATFORM);
        assertThat(p.scopes()).containsExactly(Scope.CENTRAL);
        assertThat(p.status()).isEqualTo(LifecycleStatus.IN_USE);
        assertThat(p.tags()).containsExactly("a", "b");
        assertThat(p.security().level()).isEqualTo(3);
        assertThat(p.dataInVietnam()).isTrue();
        assertThat(p.ndxpStatus()).isEqualTo(NdxpStatus.CONNECTED);
        assertThat(p.listedFrom()).isEqualTo(LocalDate.of(2025, 9, 11));
        assertThat(p.source()).isEqualTo("test fixture");
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            code              | V               | 'V' is not a platform code: 2 to 40 capital letters
            code              | ""              | is empty; every row needs a code
            name_vi           | ""              | is required.
            owner_code        | BKHCN-X         | no agency has the code 'BKHCN-X'
            category          | cloud           | 'cloud' is not one of [government, economy, society]
            type              | portal          | 'portal' is not one of [platform, information_system, application, national_database]
            scope             | central;nation  | 'nation' is not one of [central, province, commune]
            scope             | ""              | is empty; every row needs a scope
            status            | live            | 'live' is not one of [proposed, potential, recognised, trial, in_use
            website           | www.example.vn  | is not an http(s) address
            operator_phone    | call me         | is not a telephone number
            operator_email    | cuc.tin.hoc     | is not an e-mail address
            legal_basis_date  | 2025-02-30      | is not a calendar date; write it as dd/MM/yyyy or yyyy-MM-dd
            legal_basis_date  | 1/7/0202        | the year must be 1900 to 2099
            listed_from       | 31/02/2025      | is not a calendar date
            listed_from       | +20255-09-11    | the year must be 1900 to 2099
            security_level    | 6               | must be between 1 and 5, was 6
            security_dossier_approved | maybe   | is not true or false
            data_in_vietnam   | x               | is not true or false
            ndxp_status       | online          | 'online' is not one of
            """)
    void eachKindOfBadCellIsReportedWithItsLineAndColumn(String column, String value, String message) {
        var parsed = withCell(column, value);

        assertThat(parsed.platforms()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.field()).isEqualTo(column);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void controlCharactersAreRejected() {
        var parsed = withCell("description_vi", "a" + (char) 7 + "b");

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("description_vi");
            assertThat(e.message()).isEqualTo("contains control characters; leave them out.");
        });
    }

    @Test
    void overlongTextIsRejected() {
        var parsed = withCell("name_en", "x".repeat(501));

        assertThat(parsed.errors()).singleElement().extracting(FieldError::message).asString()
                .isEqualTo("must be at most 500 characters, was 501.");
    }

    @Test
    void everyProblemOfEveryRowIsListedInLineOrder() {
        var parsed = parse(HEADER + "\n"
                + GOOD + "\n"
                + "TEST-2,,,NOPE,cloud,platform,central,in_use,,,,,\n"
                + "\"TEST-3\",\"Tên\nhai dòng\",,BCA,society,platform,moon,in_use,,,,,\n");

        assertThat(parsed.platforms()).extracting(Platform::code).containsExactly("TEST-1");
        assertThat(parsed.errors()).extracting(FieldError::line, FieldError::field).containsExactly(
                tuple(3, "name_vi"),
                tuple(3, "owner_code"),
                tuple(3, "category"),
                tuple(4, "scope"));
    }

    @Test
    void aCodeThatAppearsTwiceIsReportedAtItsSecondLineEvenWhenThatRowHasOtherProblems() {
        var parsed = parse(HEADER + "\n" + GOOD + "\n" + GOOD.replace("government", "cloud") + "\n");

        assertThat(parsed.errors()).extracting(FieldError::line, FieldError::field, FieldError::message)
                .contains(tuple(3, "code", "'TEST-1' appears again; it is already on line 2."));
        assertThat(parsed.errors()).extracting(FieldError::line, FieldError::field).contains(tuple(3, "category"));
    }

    @Test
    void missingHeaderColumnsAreEachNamedOnTheHeaderLine() {
        var parsed = parse("code,name_vi,owner_code,category,type,scope,status\n" + "A,b,BTC,government,platform,"
                + "central,in_use\n");

        assertThat(parsed.platforms()).isEmpty();
        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly("name_en", "description_vi",
                "description_en", "operator", "legal_basis", "website");
        assertThat(parsed.errors()).allSatisfy(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("the header row has no column '" + e.field() + "'");
        });
    }

    @Test
    void unknownColumnsAreIgnoredAndNamedButTheExportsAsOfColumnsAreExpected() {
        var parsed = parse(HEADER + ",descripton_vi,owner_as_of_code,as_of\n" + GOOD + ",x,BTC,2025-01-01\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.ignoredColumns()).containsExactly("descripton_vi");
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsReported() {
        var parsed = parse(HEADER + "\n" + GOOD + ",chi tiết\n");

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("beyond the header's columns", "double quotes");
        });
    }

    @Test
    void severalScopesMayBeSeparatedBySemicolonsOrBars() {
        var parsed = withCell("scope", "central; province|commune;");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.platforms().getFirst().scopes()).containsExactlyInAnyOrder(Scope.CENTRAL, Scope.PROVINCE,
                Scope.COMMUNE);
    }

    /** Values a change request took and this file format refused; the catalogue's rules take them in both now. */
    @Test
    void valuesTheApiTakesAFileTakes() {
        var parsed = parse(HEADER + ",operator_phone,data_in_vietnam\n" + GOOD.replace("Mô tả", "\"" + "Mô tả ".repeat(
                750) + "\"") + ",024 3822 0000 / 0912 345 678,có\n");

        assertThat(parsed.errors()).isEmpty();
        Platform p = parsed.platforms().getFirst();
        assertThat(p.descriptionVi()).hasSizeGreaterThan(4000);
        assertThat(p.operator().phone()).isEqualTo("024 3822 0000 / 0912 345 678");
    }

    @Test
    void aCodeInSmallLettersIsTheCodeInCapitals() {
        assertThat(withCell("code", "vneid").platforms()).extracting(Platform::code).containsExactly("VNEID");
    }
}
