package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

class StrictQueryParametersTests {

    @Retention(RetentionPolicy.RUNTIME)
    @Parameters({
        @Parameter(in = ParameterIn.QUERY, name = "status"),
        @Parameter(in = ParameterIn.QUERY, name = "page")
    })
    @interface Listed {
    }

    @SuppressWarnings("unused")
    static final class Handlers {

        void bound(@RequestParam(required = false) String asOf, @RequestParam(name = "tag") List<String> tags,
                @RequestParam(required = false) String[] codes) {
        }

        @Listed
        void declared() {
        }

        @Operation(parameters = @Parameter(in = ParameterIn.QUERY, name = "by"))
        @Parameter(in = ParameterIn.HEADER, name = "If-None-Match")
        void inTheOperation() {
        }

        void any(@RequestParam Map<String, String> all) {
        }
    }

    private static StrictQueryParameters.Taken taken(String name) {
        return StrictQueryParameters.Taken.of(new HandlerMethod(new Handlers(), Arrays.stream(
                Handlers.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow()));
    }

    private static List<String> refused(String handler, String query) {
        return taken(handler).check(query, () -> "GET /api/x").errors().stream()
                .map(RegistryException.FieldError::field).toList();
    }

    @Test
    void aListOrAnArrayMayBeRepeatedAndASingleValueMayNot() {
        assertThat(refused("bound", "tag=a&tag=b&codes=X&codes=Y")).isEmpty();
        assertThat(refused("bound", "asOf=2024-01-01&asOf=2025-01-01")).containsExactly("asOf");
    }

    @Test
    void parametersDeclaredForTheApiDescriptionAreTakenThroughAMetaAnnotationOrTheOperation() {
        assertThat(refused("declared", "status=open&page=2&size=3")).containsExactly("size");
        assertThat(refused("inTheOperation", "by=owner")).isEmpty();
        assertThat(refused("inTheOperation", "If-None-Match=x")).containsExactly("If-None-Match");
    }

    @Test
    void aHandlerTakingEveryParameterAsAMapIsNotChecked() {
        assertThat(refused("any", "whatever=1&whatever=2")).isEmpty();
    }

    @Test
    void namesAreReadDecodedAndAnEmptyQueryOrPairIsNothing() {
        assertThat(refused("bound", "as%4Ff=2024-01-01")).isEmpty();
        assertThat(refused("bound", "")).isEmpty();
        assertThat(refused("bound", "&&asOf=1&")).isEmpty();
    }

    @Test
    void theClosestNameIsSuggestedOnlyWhenItIsNear() {
        StrictQueryParameters.Taken taken = taken("bound");

        assertThat(taken.closest("asof")).isEqualTo("asOf");
        assertThat(taken.closest("tags")).isEqualTo("tag");
        assertThat(taken.closest("colour")).isNull();
    }
}
