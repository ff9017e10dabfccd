package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ndp.registry.RegistryIntegrationTest;

@RegistryIntegrationTest
class ScopesIntegrationTests {

    @Autowired
    Scopes scopes;

    static CurrentUser user(Role role, String agency, String... platforms) {
        return new CurrentUser(UUID.randomUUID(), "u", "U", role, agency, Set.of(platforms));
    }

    @Test
    void financeEditorEditsThePlanningMinistrysPlatformItInheritedButNotAHealthPlatform() {
        CurrentUser finance = user(Role.MINISTRY_EDITOR, "BTC");
        assertThat(scopes.mayEdit(finance, "MANG-DAU-THAU-QG")).isTrue();
        assertThat(scopes.mayEdit(finance, "SSKDT")).isFalse();
    }

    @Test
    void anEditorOfAMergedMinistryActsForItsSuccessor() {
        CurrentUser planning = user(Role.MINISTRY_EDITOR, "BKHDT");
        assertThat(scopes.actsFor(planning, "BTC")).isTrue();
        assertThat(scopes.actsFor(planning, "BYT")).isFalse();
    }

    @Test
    void provinceEditorActsOnlyForItsProvince() {
        CurrentUser tuyenQuang = user(Role.PROVINCE_EDITOR, "P-TUYEN-QUANG-2025");
        assertThat(scopes.actsFor(tuyenQuang, "P-TUYEN-QUANG-2025")).isTrue();
        assertThat(scopes.actsFor(tuyenQuang, "P-HA-NOI")).isFalse();
        assertThat(scopes.mayEdit(tuyenQuang, "MANG-DAU-THAU-QG")).isFalse();
    }

    @Test
    void operatorEditsOnlyThePlatformsItRuns() {
        CurrentUser operator = user(Role.OPERATOR, null, "DVCQG");
        assertThat(scopes.mayEdit(operator, "DVCQG")).isTrue();
        assertThat(scopes.mayEdit(operator, "ECABINET")).isFalse();
    }

    @Test
    void unknownCodesAreNeverInScope() {
        assertThat(scopes.mayEdit(user(Role.MINISTRY_EDITOR, "BTC"), "NO-SUCH")).isFalse();
        assertThat(scopes.actsFor(user(Role.PROVINCE_EDITOR, "P-HA-NOI"), "NO-SUCH")).isFalse();
    }
}
