package vn.ndp.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryExceptionTests {

    @Test
    void aSentenceMayQuoteAValueThatIsNotThere() {
        RegistryException.Said said = RegistryException.Said.of("refused.file.empty", (Object) null);

        assertThat(said.arguments()).containsExactly((Object) null);
    }
}
