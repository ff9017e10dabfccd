package vn.ndp.registry.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.Account;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.notifications.Notice;
import vn.ndp.registry.notifications.Notices;

/** What the national authority's reviewers are told when a province proposes a platform for the national list. */
@RegistryIntegrationTest
class ProvinceProposalNoticeIntegrationTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    Notices notices;

    @Test
    void reviewersReadWhichProvinceProposedByItsNameNotItsCode() {
        Account reviewer = accounts.create(Role.REVIEWER, null);
        String name = "Nền tảng thông báo " + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

        api.create(accounts.token(Role.PROVINCE_EDITOR, "P-HA-NOI"), "/api/v1/adoption/provinces/P-HA-NOI/proposals",
                Map.of("name", name, "reason", "Thành phố cần dùng chung."));

        Notice notice = notices.of(reviewer.id(), 50).stream().filter(n -> n.subjectVi().endsWith(name)).findFirst()
                .orElseThrow();
        assertThat(notice.bodyVi()).isEqualTo("Thành phố Hà Nội đề xuất bổ sung nền tảng “" + name
                + "” vào danh mục quốc gia.");
        assertThat(notice.bodyEn()).isEqualTo("Hanoi proposes adding “" + name + "” to the national list.");
        assertThat(notice.vietnameseInEn()).as("an English page marks the proposed name Vietnamese")
                .containsExactly(name);
    }
}
