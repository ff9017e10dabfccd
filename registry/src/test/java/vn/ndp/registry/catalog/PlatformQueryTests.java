package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformQueryTests {

    @Test
    void theDeclaredParametersAreExactlyThoseTheSearchReads() {
        Set<String> read = new LinkedHashSet<>();

        PlatformQuery.parse(name -> {
            read.add(name);
            return null;
        }, code -> true);

        assertThat(read).containsExactlyInAnyOrderElementsOf(PlatformQuery.PARAMETERS);
    }
}
