package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ndp.registry.RegistryIntegrationTest;

@RegistryIntegrationTest
class PeopleIntegrationTests {

    @Autowired
    People people;

    @Autowired
    TestAccounts accounts;

    @Test
    void anAccountIsNamedByItsDisplayNameWithTheUsernameRecordsKeep() {
        Account account = accounts.create(Role.PROVINCE_EDITOR, "P-HUE");

        assertThat(people.name(account.username()))
                .isEqualTo("Người kiểm thử " + account.username() + " (" + account.username() + ")");
    }

    @Test
    void aSystemActorOrAnUnknownNameIsShownAsItIs() {
        assertThat(people.name("import")).isEqualTo("import");
        assertThat(people.name("no-such-person")).isEqualTo("no-such-person");
        assertThat(people.name(null)).isEmpty();
    }
}
