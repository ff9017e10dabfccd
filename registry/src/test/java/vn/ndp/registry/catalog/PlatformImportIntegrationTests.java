package vn.ndp.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ndp.registry.AdvisoryLocks;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.StatementLog;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.internal.PlatformRepository;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.FieldChange;
import vn.ndp.registry.shared.RegistryException;

/**
 * Imports into their own database (a context of its own, closed afterwards),
 * so that the platforms written here never show up in other tests' counts.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = "ndp.test.database=platform-import")
@DirtiesContext
class PlatformImportIntegrationTests {

    @Autowired
    PlatformImport platformImport;

    @Autowired
    RestTestClient client;

    @Autowired
    PlatformRegister register;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    Agencies agencies;

    private static byte[] csv(String... rows) {
        return CatalogueCsv.of(rows);
    }

    private static String row(String code, String nameVi, String category) {
        return code + "," + nameVi + ",Test platform," + "BTC," + category + ",platform,central;province,trial,"
                + "\"Mô tả dùng cho kiểm thử, không phải nền tảng thật\",Test fixture,,,https://example.vn,test fixture";
    }

    private static String ownedRow(String code, String owner, String status) {
        return code + ",Nền tảng chuyển giao " + code + ",Test platform," + owner + ",government,platform,central,"
                + status + ",Mô tả dùng cho kiểm thử,Test fixture,,,https://example.vn,test fixture";
    }

    private long platforms() {
        return jdbc.sql("select count(*) from platform").query(Long.class).single();
    }

    /**
     * More platforms of unknown listing date than a page names: the page names the first of them, and every count of
     * them (the catalogue's, the statistics') is of them all.
     */
    @Test
    void platformsOfUnknownListingDateAreCountedAllThoughAPageNamesTheFirstOfThem() {
        int many = PlatformQuery.MAX_SIZE + 1;
        String[] rows = new String[many];
        for (int i = 0; i < many; i++) {
            rows[i] = row("TEST-UNDATED-" + i, "Nền tảng zyxwundated " + i, "society");
        }
        platformImport.importFile("undated.csv", csv(rows), PlatformImport.Progress.NONE, "import (tester)");

        client.get().uri("/api/v1/platforms?q=zyxwundated&asOf=2000-01-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(0)
                .jsonPath("$.dateUnknown.length()").isEqualTo(PlatformQuery.MAX_SIZE)
                .jsonPath("$.dateUnknownTotal").isEqualTo(many);
        client.get().uri("/api/v1/stats/platforms?by=owner&asOf=2000-01-01").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.dateUnknown").value(n -> assertThat(((Number) n).longValue())
                        .as("these and the shipped ones of unknown date").isGreaterThanOrEqualTo(many + 6));
    }

    @Test
    void newCodesAreCreatedAndServedByTheApi() {
        var report = platformImport.importFile("new.csv",
                csv(row("TEST-NEW-1", "Nền tảng thử một", "government"), row("TEST-NEW-2", "Nền tảng thử hai",
                        "society")), PlatformImport.Progress.NONE, "import (tester)");

        assertThat(report).isEqualTo(new PlatformImport.Report(2, 0, 0, List.of()));
        client.get().uri("/api/v1/platforms/TEST-NEW-2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.nameVi").isEqualTo("Nền tảng thử hai")
                .jsonPath("$.category").isEqualTo("society")
                .jsonPath("$.owner.code").isEqualTo("BTC");
    }

    @Test
    void reImportingUpdatesByCodeAndSearchFindsTheNewTextOnly() {
        platformImport.importFile("first.csv", csv(row("TEST-UPD-1", "Hệ thống quản lý hồ sơ sông Hồng",
                "government")), PlatformImport.Progress.NONE, "import (tester)");

        var report = platformImport.importFile("second.csv", csv(row("TEST-UPD-1", "Hệ thống quản lý hồ sơ Cửu Long",
                "economy")), PlatformImport.Progress.NONE, "import (tester)");

        assertThat(report).isEqualTo(new PlatformImport.Report(0, 1, 0, List.of()));
        client.get().uri("/api/v1/platforms/TEST-UPD-1").exchange()
                .expectBody()
                .jsonPath("$.nameVi").isEqualTo("Hệ thống quản lý hồ sơ Cửu Long")
                .jsonPath("$.category").isEqualTo("economy");
        client.get().uri("/api/v1/platforms?q=cuu long").exchange()
                .expectBody()
                .jsonPath("$.items[0].code").isEqualTo("TEST-UPD-1");
        client.get().uri("/api/v1/platforms?q=song hong").exchange()
                .expectBody()
                .jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void eachPlatformAnImportCreatesOrChangesGetsARevisionAndTheImportIsAudited() {
        platformImport.importFile("h-first.csv", csv(row("TEST-HIS-1", "Hệ thống quản lý văn bản", "government")),
                PlatformImport.Progress.NONE, "import (tester)");
        assertThat(register.changedSinceRecognition("TEST-HIS-1")).as("listing it is not a change").isEmpty();
        // a name with a comma and quotes: the revision's fields are written with COPY, in CSV
        String renamed = row("TEST-HIS-1", "\"Hệ thống \"\"văn bản\"\", điện tử\"", "economy");
        platformImport.importFile("h-second.csv", csv(renamed), PlatformImport.Progress.NONE, "import (tester)");
        platformImport.importFile("h-second.csv", csv(renamed), PlatformImport.Progress.NONE, "import (tester)");

        assertThat(register.changedSinceRecognition("TEST-HIS-1")).extracting(FieldChange::field)
                .containsExactlyInAnyOrder(PlatformField.NAME_VI, PlatformField.CATEGORY);
        List<PlatformRevision> history = register.history("TEST-HIS-1");
        assertThat(history).as("the unchanged re-import adds none").hasSize(2);
        PlatformRevision created = history.get(0);
        assertThat(created.version()).isZero();
        assertThat(created.cause()).isEqualTo(PlatformRevision.Cause.IMPORTED);
        assertThat(created.actor()).isEqualTo("import (tester)");
        assertThat(created.reference()).isEqualTo("h-first.csv");
        assertThat(created.fields()).contains(
                new FieldChange<>(PlatformField.NAME_VI, null, "Hệ thống quản lý văn bản"),
                new FieldChange<>(PlatformField.CATEGORY, null, "government"));
        PlatformRevision changed = history.get(1);
        assertThat(changed.version()).isEqualTo(1).isEqualTo(register.requireVersion("TEST-HIS-1", 1).version());
        assertThat(changed.reference()).isEqualTo("h-second.csv");
        assertThat(changed.fields()).containsExactlyInAnyOrder(
                new FieldChange<>(PlatformField.NAME_VI, "Hệ thống quản lý văn bản",
                        "Hệ thống \"văn bản\", điện tử"),
                new FieldChange<>(PlatformField.CATEGORY, "government", "economy"));

        assertThat(jdbc.sql("""
                select detail->>'created', detail->>'updated', detail->>'unchanged' from audit_event
                where event = 'PLATFORMS_IMPORTED' and subject like 'import:h-%' and actor = 'import (tester)'
                order by id""").query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).list())
                .containsExactly("1/0/0", "0/1/0", "0/0/1");
    }

    @Test
    void reImportingTheSameRowsChangesNothing() {
        byte[] file = csv(row("TEST-SAME-1", "Nền tảng không đổi", "government"));
        platformImport.importFile("same.csv", file, PlatformImport.Progress.NONE, "import (tester)");
        int version = jdbc.sql("select version from platform where code = 'TEST-SAME-1'").query(Integer.class).single();

        var report = platformImport.importFile("same.csv", file, PlatformImport.Progress.NONE, "import (tester)");

        assertThat(report).isEqualTo(new PlatformImport.Report(0, 0, 1, List.of()));
        assertThat(jdbc.sql("select version from platform where code = 'TEST-SAME-1'").query(Integer.class).single())
                .isEqualTo(version);
    }

    @Test
    void oneBadRowAmongGoodOnesWritesNothingAndNamesItsLineAndColumn() {
        long before = platforms();

        assertThatThrownBy(() -> platformImport.importFile("mixed.csv", csv(
                row("TEST-ALL-1", "Nền tảng tốt một", "government"),
                row("TEST-ALL-2", "Nền tảng tốt hai", "economy"),
                row("TEST-ALL-3", "Nền tảng hỏng", "cloud"),
                row("TEST-ALL-4", "Nền tảng tốt bốn", "society")), PlatformImport.Progress.NONE, "import (tester)"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_REJECTED);
                    assertThat(e.getMessage()).isEqualTo("1 problem(s) in 'mixed.csv'; nothing was imported.");
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.line()).isEqualTo(4);
                        assertThat(error.field()).isEqualTo("category");
                        assertThat(error.message()).isEqualTo("'cloud' is not one of [government, economy, society].");
                    });
                });

        assertThat(platforms()).isEqualTo(before);
        client.get().uri("/api/v1/platforms/TEST-ALL-1").exchange().expectStatus().isNotFound();
        client.get().uri("/api/v1/platforms?q=nen tang tot").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aSecurityDossierApprovedAfterTodayIsRefusedOnItsLineAsTheDesksRefuseIt() {
        LocalDate today = agencies.today();
        byte[] file = CatalogueCsv.of(List.of("security_dossier_date"),
                row("TEST-DOSSIER-1", "Nền tảng hồ sơ hôm nay", "government") + "," + today,
                row("TEST-DOSSIER-2", "Nền tảng hồ sơ ngày mai", "government") + "," + today.plusDays(1));
        long before = platforms();

        assertThatThrownBy(() -> platformImport.importFile("dossier.csv", file, PlatformImport.Progress.NONE,
                "import (tester)"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_REJECTED);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.line()).isEqualTo(3);
                        assertThat(error.field()).isEqualTo("security_dossier_date");
                        assertThat(error.message()).isEqualTo("must not be after today (" + today
                                + "): the day the document was signed.");
                    });
                });
        assertThat(platforms()).isEqualTo(before);
    }

    @Test
    void aFileWithOnlyAHeaderIsRejected() {
        assertThatThrownBy(() -> platformImport.importFile("empty.csv", csv(), PlatformImport.Progress.NONE, "import (tester)"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("'empty.csv' has no platform rows.");
    }

    @Test
    void twoImportsCreatingTheSameNewCodesAtTheSameTimeRunOneAfterTheOtherAndReportWhatEachDid() throws Exception {
        byte[] first = csv(row("TEST-RACE-1", "Nền tảng tranh chấp một", "government"),
                row("TEST-RACE-2", "Nền tảng tranh chấp hai", "government"));
        byte[] second = csv(row("TEST-RACE-2", "Nền tảng tranh chấp hai (sửa)", "economy"),
                row("TEST-RACE-1", "Nền tảng tranh chấp một (sửa)", "economy"));
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        // the first import, inside its write transaction, lets the second start and waits until it is blocked
        PlatformImport.Progress holdWhileTheSecondWaits = new PlatformImport.Progress() {
            @Override
            public void read(int rows) {
            }

            @Override
            public void written(int rows, int of) {
                if (once.compareAndSet(false, true)) {
                    firstIsWriting.countDown();
                    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> AdvisoryLocks.awaited(jdbc,
                            PlatformRepository.ADDING_PLATFORMS));
                }
            }
        };

        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<PlatformImport.Report> a = threads.submit(() -> platformImport.importFile("race-a.csv", first,
                holdWhileTheSecondWaits, "import (tester A)"));
        assertThat(firstIsWriting.await(30, TimeUnit.SECONDS)).as("the first import reached its writes").isTrue();
        Future<PlatformImport.Report> b = threads.submit(() -> platformImport.importFile("race-b.csv", second,
                PlatformImport.Progress.NONE, "import (tester B)"));
        try {
            assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(new PlatformImport.Report(2, 0, 0, List.of()));
            assertThat(b.get(60, TimeUnit.SECONDS)).as("the second sees the first's rows as existing")
                    .isEqualTo(new PlatformImport.Report(0, 2, 0, List.of()));
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("select code, version, name_vi from platform where code like 'TEST-RACE-%' order by code")
                .query((rs, n) -> rs.getString(1) + " v" + rs.getInt(2) + " " + rs.getString(3)).list())
                .containsExactly("TEST-RACE-1 v1 Nền tảng tranh chấp một (sửa)",
                        "TEST-RACE-2 v1 Nền tảng tranh chấp hai (sửa)");
        for (String code : List.of("TEST-RACE-1", "TEST-RACE-2")) {
            List<PlatformRevision> history = register.history(code);
            assertThat(history).extracting(PlatformRevision::version).containsExactly(0, 1);
            assertThat(history).extracting(PlatformRevision::reference).containsExactly("race-a.csv", "race-b.csv");
            assertThat(history.get(1).fields()).contains(new FieldChange<>(PlatformField.CATEGORY,
                    "government", "economy"));
        }
        assertThat(jdbc.sql("""
                select detail->>'created', detail->>'updated' from audit_event
                where event = 'PLATFORMS_IMPORTED' and subject like 'import:race-%' order by id""")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).list()).containsExactly("2/0", "0/2");
    }

    @Test
    void listingACodeThatAnImportAddedMeanwhileIsAConflictNamingTheCodeAndSavesNothing() {
        platformImport.importFile("taken.csv", csv(row("TEST-TAKEN-1", "Nền tảng đã có", "government")),
                PlatformImport.Progress.NONE, "import (tester)");
        int version = jdbc.sql("select version from platform where code = 'TEST-TAKEN-1'").query(Integer.class)
                .single();

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> register.list("TEST-TAKEN-1",
                Map.of(PlatformField.NAME_VI, "Nền tảng mới trùng mã", PlatformField.OWNER, "BTC",
                        PlatformField.CATEGORY, "government", PlatformField.TYPE, "platform", PlatformField.STATUS,
                        "recognised"), LocalDate.of(2025, 7, 1), "test fixture",
                new PlatformRevision.Provenance("tester", PlatformRevision.Cause.RECOGNISED, "proposal:test", null))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_CODE_TAKEN);
                    assertThat(e.code().status().value()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("'TEST-TAKEN-1'");
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field())
                            .isEqualTo("code"));
                });
        assertThat(jdbc.sql("select version || ' ' || name_vi from platform where code = 'TEST-TAKEN-1'")
                .query(String.class).single()).isEqualTo(version + " Nền tảng đã có");
        assertThat(register.history("TEST-TAKEN-1")).hasSize(1);
    }

    @Test
    void aRowCannotGiveAPlatformToAnAgencyThatNoLongerExistsAndTheRefusalNamesItsLineAndSuccessor() {
        long before = platforms();

        assertThatThrownBy(() -> platformImport.importFile("merged.csv", csv(
                row("TEST-ENDED-1", "Nền tảng tốt", "government"),
                ownedRow("TEST-ENDED-2", "BKHDT", "in_use")), PlatformImport.Progress.NONE, "import (tester)"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.IMPORT_REJECTED);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.line()).isEqualTo(3);
                        assertThat(error.field()).isEqualTo("owner_code");
                        assertThat(error.message()).contains("BKHDT", "2025-03-01", "BTC");
                    });
                });
        assertThat(platforms()).isEqualTo(before);
    }

    @Test
    void anOwnerAndAStatusThatAnImportReplacesStayInForceAsOfTheDaysBefore() {
        platformImport.importFile("move-1.csv", csv(ownedRow("TEST-MOVE-1", "BTC", "trial")), PlatformImport.Progress.NONE,
                "import (tester)");
        platformImport.importFile("move-2.csv", csv(ownedRow("TEST-MOVE-1", "BYT", "in_use")),
                PlatformImport.Progress.NONE, "import (tester)");
        String yesterday = LocalDate.now(clock).minusDays(1).toString();

        client.get().uri("/api/v1/platforms/TEST-MOVE-1?asOf=" + yesterday).exchange().expectBody()
                .jsonPath("$.owner.code").isEqualTo("BTC")
                .jsonPath("$.status").isEqualTo("trial")
                .jsonPath("$.ownership[*].agency.code").isEqualTo(List.of("BTC", "BYT"));
        client.get().uri("/api/v1/platforms/TEST-MOVE-1").exchange().expectBody()
                .jsonPath("$.owner.code").isEqualTo("BYT")
                .jsonPath("$.status").isEqualTo("in_use");
    }

    @Test
    void aReImportThatMovesManyPlatformsRecordsTheirEarlierOwnersAndStatusesInOneStatement() throws Exception {
        List<String> codes = IntStream.rangeClosed(1, 40).mapToObj(n -> "TEST-MANY-" + n).toList();
        platformImport.importFile("many-1.csv", csv(codes.stream().map(c -> ownedRow(c, "BTC", "trial"))
                .toArray(String[]::new)), PlatformImport.Progress.NONE, "import (tester)");

        List<String> sent = StatementLog.during(() -> platformImport.importFile("many-2.csv",
                csv(codes.stream().map(c -> ownedRow(c, "BYT", "in_use")).toArray(String[]::new)),
                PlatformImport.Progress.NONE, "import (tester)")).sent();

        assertThat(sent.stream().filter(sql -> sql.strip().startsWith("insert into platform_earlier_value"))).as(
                "80 earlier values (40 owners, 40 statuses) in one batch, not one insert each").hasSize(1);
        LocalDate today = agencies.today();
        assertThat(jdbc.sql("""
                select platform_code || ' ' || field || ' ' || value || ' ' || superseded_on
                from platform_earlier_value where platform_code like 'TEST-MANY-%'""").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(codes.stream().flatMap(c -> Stream.of(
                        c + " OWNER BTC " + today, c + " STATUS TRIAL " + today)).toList());
        String yesterday = today.minusDays(1).toString();
        client.get().uri("/api/v1/platforms/TEST-MANY-40?asOf=" + yesterday).exchange().expectBody()
                .jsonPath("$.owner.code").isEqualTo("BTC")
                .jsonPath("$.status").isEqualTo("trial");
    }

    @Test
    void theCsvExportImportsBackUnchanged() {
        assertExportRoundTrips("/api/v1/platforms.csv", "nen-tang-so.csv");
    }

    @Test
    void theXlsxExportImportsBackUnchanged() {
        assertExportRoundTrips("/api/v1/platforms.xlsx", "nen-tang-so.xlsx");
    }

    private void assertExportRoundTrips(String uri, String fileName) {
        List<Map<String, Object>> before = snapshot();
        byte[] export = client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();

        var report = platformImport.importFile(fileName, export, PlatformImport.Progress.NONE, "import (tester)");

        assertThat(report.created()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(report.unchanged()).isEqualTo(before.size());
        assertThat(report.ignoredColumns()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    private List<Map<String, Object>> snapshot() {
        return jdbc.sql("select code, version, md5(p::text) as content from platform p order by code").query()
                .listOfRows();
    }
}
