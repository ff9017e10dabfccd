package vn.ndp.registry.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.internal.AccountRepository;

@RegistryIntegrationTest
class PeopleIntegrationTests {

    @Autowired
    People people;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountRepository repository;

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anAccountIsNamedByItsDisplayNameWithTheUsernameRecordsKeep() {
        Account account = accounts.create(Role.PROVINCE_EDITOR, "P-HUE");

        assertThat(people.name(account.username()))
                .isEqualTo(TestAccounts.shownName(account.username()));
    }

    @Test
    void aSystemActorOrAnUnknownNameIsShownAsItIs() {
        assertThat(people.name("import")).isEqualTo("import");
        assertThat(people.name("no-such-person")).isEqualTo("no-such-person");
        assertThat(people.name(null)).isEmpty();
    }

    @Test
    void aNameIsLookedUpOncePerWebRequest() {
        Account account = accounts.create(Role.MINISTRY_EDITOR, "BTC");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        String before = people.name(account.username());
        repository.update(new Account(account.id(), account.username(), "Tên mới", account.email(), account.role(),
                account.agencyCode(), account.platformCodes(), account.enabled(), account.mustChangePassword(), 0, null,
                account.createdAt(), null));

        assertThat(people.name(account.username())).as("the same request").isEqualTo(before);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(people.name(account.username())).as("the next request")
                .isEqualTo("Tên mới (" + account.username() + ")");
    }
}
