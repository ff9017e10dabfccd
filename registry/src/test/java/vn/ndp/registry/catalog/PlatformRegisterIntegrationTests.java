package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

/**
 * The register itself keeps a platform's owner and status history in order, whoever lists or amends it (a change
 * request, a standing decision, a recognition): BKHDT ended on 28/02/2025 and went into BTC; BNNMT was formed on
 * 01/03/2025. The platforms are listed in 2025, so into their own database (a context of its own, closed
 * afterwards), where no official list or statistics of 2025 in other tests finds them.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = "ndp.test.database=platform-register")
@DirtiesContext
class PlatformRegisterIntegrationTests {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    PlatformRegister register;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    private static PlatformRevision.Provenance by(LocalDate effectiveOn) {
        return new PlatformRevision.Provenance("tester", PlatformRevision.Cause.CHANGE_APPROVED, "test", null,
                effectiveOn);
    }

    private Platform listed(String owner, LocalDate from) {
        String code = "TEST-REGISTER-" + System.nanoTime() % 100_000 + "-" + NEXT.incrementAndGet();
        return transaction.execute(s -> register.list(code, Map.of(PlatformField.NAME_VI, "Nền tảng sổ đăng ký "
                + code, PlatformField.OWNER, owner, PlatformField.CATEGORY, "government", PlatformField.TYPE,
                "platform", PlatformField.STATUS, "recognised"), from, "test fixture",
                new PlatformRevision.Provenance("tester", PlatformRevision.Cause.RECOGNISED, "proposal:test", null)));
    }

    @Test
    void anAmendmentIsRefusedAnOwnerNotFormedYetOnTheDayItTakesEffect() {
        Platform platform = listed("BTC", LocalDate.of(2025, 1, 10));

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> register.amend(platform.code(), 0,
                Map.of(PlatformField.OWNER, "BNNMT"), by(LocalDate.of(2025, 2, 20)))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AGENCY_NOT_FORMED);
                    assertThat(e.getMessage()).contains("BNNMT", "formed on 2025-03-01", "2025-02-20");
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field())
                            .isEqualTo("owner"));
                });
        assertThat(transaction.execute(s -> register.amend(platform.code(), 0, Map.of(PlatformField.OWNER, "BNNMT"),
                by(LocalDate.of(2025, 3, 1)))).ownerCode()).isEqualTo("BNNMT");
    }

    @Test
    void anAmendmentIsRefusedAStatusDatedBeforeItsLatestRecordedChange() {
        Platform platform = listed("BTC", LocalDate.of(2025, 1, 10));
        transaction.execute(s -> register.amend(platform.code(), 0, Map.of(PlatformField.STATUS, "in_use"),
                by(LocalDate.of(2025, 6, 1))));

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> register.amend(platform.code(), 1,
                Map.of(PlatformField.STATUS, "recognised"), by(LocalDate.of(2025, 5, 1)))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.EFFECTIVE_DATE_OUT_OF_ORDER);
                    assertThat(e.getMessage()).contains("status", "last changed, on 2025-06-01");
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field())
                            .isEqualTo(PlatformRegister.EFFECTIVE_ON));
                });
    }

    @Test
    void aPlatformCannotBeListedForAnOwnerThatHadEndedByItsListingDateAndTheRefusalNamesWhoHoldsItsPlatforms() {
        assertThatThrownBy(() -> listed("BKHDT", LocalDate.now(clock)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AGENCY_MERGED);
                    assertThat(e.getMessage()).contains("BKHDT", "2025-03-01", "became part of BTC",
                            "holds its platforms on " + LocalDate.now(clock), "give BTC");
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field())
                            .isEqualTo("owner"));
                });
        assertThat(listed("BKHDT", LocalDate.of(2025, 2, 1)).ownerCode())
                .as("listed on a day it still existed: its successions carry it on").isEqualTo("BKHDT");
    }

    @Test
    void aListingForAnEndedOwnerIsRefusedWithTheSentenceATransferToItGets() {
        LocalDate listing = LocalDate.of(2025, 4, 1);
        Platform platform = listed("BTC", LocalDate.of(2025, 1, 10));
        RegistryException transfer = catchThrowableOfType(RegistryException.class, () -> transaction
                .executeWithoutResult(s -> register.amend(platform.code(), 0, Map.of(PlatformField.OWNER, "BKHDT"),
                        by(listing))));

        assertThatThrownBy(() -> listed("BKHDT", listing)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AGENCY_MERGED);
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("owner");
                assertThat(error.said()).isEqualTo(transfer.errors().getFirst().said());
                assertThat(error.said().key()).isEqualTo("gov.error.field.owner.endedHolder");
            });
        });
    }

    @Test
    void aPlatformListedFromADecisionTakenBeforeItsOwnerWasFormedIsKept() {
        assertThat(listed("BNNMT", LocalDate.of(2025, 2, 1)).ownerCode())
                .as("a decision recorded for the ministry a later merger formed").isEqualTo("BNNMT");
    }

    @Test
    void anAmendmentToAnEndedOwnerIsRefusedWithTheSentenceAChangeRequestGetsAndTheWordingAnImportRowGets() {
        Platform platform = listed("BTC", LocalDate.of(2025, 1, 10));
        LocalDate today = LocalDate.now(clock);

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> register.amend(platform.code(), 0,
                Map.of(PlatformField.OWNER, "BKHDT"), by(null))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AGENCY_MERGED);
                    assertThat(e.getMessage()).endsWith(register.endedOwner("BKHDT", today).orElseThrow());
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.said().key())
                            .isEqualTo("gov.error.field.owner.endedHolder"));
                });
    }
}
