package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.CurrentUser;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;
import vn.ndp.registry.catalog.PlatformField;
import vn.ndp.registry.catalog.PlatformRegister;
import vn.ndp.registry.catalog.PlatformRevision;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/** A proposal's code that the catalogue already has is refused in the same words whenever it is found. */
@RegistryIntegrationTest
class ProposalCodeIntegrationTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    RecognitionDesk desk;

    @Autowired
    PlatformRegister register;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aProposalWhoseCodeWasListedMeanwhileIsRefusedOnSubmitNamingThePlatformAsADraftIs() {
        CurrentUser editor = CurrentUser.of(accounts.create(Role.MINISTRY_EDITOR, "BTC"));
        String code = "LISTED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Proposal p = desk.draft(editor, code, ProposalFlow.platform("Nền tảng đề xuất " + code,
                "Nền tảng để kiểm thử mã đã có trong danh mục."));
        transaction.executeWithoutResult(s -> register.list(code, Map.of(PlatformField.NAME_VI,
                "Nền tảng nhập trước " + code, PlatformField.OWNER, "BTC", PlatformField.CATEGORY, "government",
                PlatformField.TYPE, "platform", PlatformField.STATUS, "recognised"), LocalDate.of(2026, 1, 5),
                "test fixture", new PlatformRevision.Provenance("tester", PlatformRevision.Cause.IMPORTED, "test",
                        null)));

        RegistryException onSubmit = catchThrowableOfType(RegistryException.class, () -> desk.handle(p.id(),
                p.version(), new ProposalCommand.Submit(), editor));
        RegistryException onDraft = catchThrowableOfType(RegistryException.class, () -> desk.draft(editor, code,
                Map.of(PlatformField.NAME_VI, "Khác")));

        for (RegistryException e : new RegistryException[] {onSubmit, onDraft}) {
            assertThat(e).as("refused").isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("code");
                assertThat(error.said().key()).isEqualTo("gov.error.field.code.listed");
                assertThat(error.said().arguments()).startsWith(code, "Nền tảng nhập trước " + code);
            });
        }
        assertThat(desk.get(p.id(), editor).status()).isEqualTo(ProposalStatus.DRAFT);
    }
}
