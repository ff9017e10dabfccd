package vn.ndp.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ArchitectureTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            // not Predefined.DO_NOT_INCLUDE_TESTS: it expects Maven's default target/ directory
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("vn.ndp.registry");

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Instant.class, "now")
                .because("tests and 'as of' questions need a controllable clock: inject java.time.Clock")
                .check(MAIN);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        fields().should().notBeAnnotatedWith(Autowired.class)
                .because("constructor injection keeps dependencies visible and classes testable")
                .check(MAIN);
    }

    @Test
    void nothingThrowsBareIllegalArgumentExceptionsForRequests() {
        noClasses().that().resideInAPackage("..internal..").and().haveSimpleNameEndingWith("Api")
                .should().callConstructor(IllegalArgumentException.class, String.class)
                .because("API errors carry a stable ErrorCode so clients get problem+json they can rely on")
                .check(MAIN);
    }
}
