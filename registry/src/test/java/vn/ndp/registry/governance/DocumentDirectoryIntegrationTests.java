package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import vn.ndp.registry.RegistryIntegrationTest;
import vn.ndp.registry.accounts.ApiCalls;
import vn.ndp.registry.accounts.Role;
import vn.ndp.registry.accounts.TestAccounts;

/**
 * Evidence documents kept in a configured directory, through the JSON API, on the real PostgreSQL: a Finance
 * ministry editor uploads, a reviewer downloads, and the test looks at the files and rows underneath.
 */
@RegistryIntegrationTest
class DocumentDirectoryIntegrationTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void documentDirectory(DynamicPropertyRegistry registry) {
        registry.add("ndp.governance.document-directory", () -> directory.toString());
    }

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiCalls api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    String finance;
    String reviewer;

    @BeforeEach
    void tokens() {
        finance = accounts.token(Role.MINISTRY_EDITOR, "BTC");
        reviewer = accounts.token(Role.REVIEWER, null);
    }

    /** A PDF no other test uploads, so that each test owns its file. */
    static byte[] uniquePdf() {
        return ("%PDF-1.7\n% " + UUID.randomUUID() + "\n1 0 obj\n<<>>\nendobj\n%%EOF")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    Path fileOf(String sha256) {
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** A new draft proposal of Finance; its id. */
    String draft() {
        String code = GovernanceApiFixtures.newCode();
        return api.create(finance, "/api/v1/proposals",
                Map.of("code", code, "fields", GovernanceApiFixtures.fields("Nền tảng lưu trữ " + code)));
    }

    JsonNode proposal(String id) {
        return api.get(finance, "/api/v1/proposals/" + id, 200);
    }

    JsonNode upload(String proposal, String name, byte[] content, int status) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", GovernanceApiIntegrationTests.file(name, content));
        return client.post().uri("/api/v1/proposals/" + proposal + "/documents?version="
                        + proposal(proposal).get("version").asInt())
                .header("Authorization", "Bearer " + finance).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    /** Uploads the content to a new proposal; the document's id. */
    UUID uploaded(byte[] content) {
        JsonNode p = upload(draft(), "Quyết định phê duyệt.pdf", content, 201);
        return UUID.fromString(p.get("documents").get(0).get("id").asString());
    }

    byte[] download(UUID document) {
        return client.get().uri("/api/v1/documents/" + document).header("Authorization", "Bearer " + reviewer)
                .exchange().expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    JsonNode refusedDownload(UUID document) {
        return client.get().uri("/api/v1/documents/" + document).header("Authorization", "Bearer " + reviewer)
                .exchange().expectStatus().isEqualTo(500)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    Map<String, Object> row(UUID document) {
        return jdbc.sql("select stored_in, content is null as no_content, sha256 from evidence_document where id = ?")
                .param(document).query().singleRow();
    }

    @Test
    void anUploadIsStoredAsAFileNamedByItsDigestWithNoBytesInItsRowAndDownloadsWhole() throws Exception {
        byte[] pdf = uniquePdf();
        UUID document = uploaded(pdf);

        assertThat(fileOf(sha256(pdf))).exists().hasBinaryContent(pdf);
        assertThat(row(document)).containsEntry("stored_in", "DIRECTORY").containsEntry("no_content", true)
                .containsEntry("sha256", sha256(pdf));
        assertThat(download(document)).isEqualTo(pdf);
    }

    @Test
    void theSameBytesUploadedTwiceShareOneFileAndNoTemporaryFileIsLeft() throws Exception {
        byte[] pdf = uniquePdf();
        UUID first = uploaded(pdf);
        UUID second = uploaded(pdf);

        assertThat(first).isNotEqualTo(second);
        Path shard = fileOf(sha256(pdf)).getParent();
        try (Stream<Path> files = Files.list(shard)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(sha256(pdf));
        }
        assertThat(download(first)).isEqualTo(pdf);
        assertThat(download(second)).isEqualTo(pdf);
    }

    @Test
    void filesAndTheDirectoriesAboveThemAreReadableByTheOwnerOnly() throws Exception {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "the file system has POSIX permissions");
        byte[] pdf = uniquePdf();
        uploaded(pdf);
        Path file = fileOf(sha256(pdf));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void anAlteredFileIsRefusedWithAnErrorNamingTheDocumentAndItsBytesAreNeverServed() throws Exception {
        byte[] pdf = uniquePdf();
        UUID document = uploaded(pdf);
        byte[] altered = pdf.clone();
        altered[altered.length - 8] ^= 1;
        Files.write(fileOf(sha256(pdf)), altered);

        JsonNode problem = refusedDownload(document);

        assertThat(problem.get("code").asString()).isEqualTo("DOCUMENT_UNREADABLE");
        assertThat(problem.get("detail").asString()).contains(document.toString(), "no longer match",
                sha256(pdf));
        assertThat(problem.toString()).doesNotContain("obj");
    }

    @Test
    void theDocumentPageRefusesAMissingFileWithAVietnameseExplanationAndNoBytes() throws Exception {
        byte[] pdf = uniquePdf();
        UUID document = uploaded(pdf);
        Files.delete(fileOf(sha256(pdf)));
        var reviewerUser = accounts.signedIn(Role.REVIEWER, null);

        MockHttpServletResponse page = mvc.perform(get("/governance/documents/" + document).with(user(reviewerUser)))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(500);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getHeader("Content-Disposition")).isNull();
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("không còn khớp với mã băm SHA-256", "khôi phục tệp từ bản sao lưu");
    }

    @Test
    void aMissingFileIsRefusedWithAnErrorNamingTheDocument() throws Exception {
        byte[] pdf = uniquePdf();
        UUID document = uploaded(pdf);
        Files.delete(fileOf(sha256(pdf)));

        JsonNode problem = refusedDownload(document);

        assertThat(problem.get("code").asString()).isEqualTo("DOCUMENT_UNREADABLE");
        assertThat(problem.get("detail").asString()).contains(document.toString(), "missing", "backup");
    }

    @Test
    void uploadingTheSameBytesAgainReplacesAnAlteredFileSoEarlierDocumentsDownloadAgain() throws Exception {
        byte[] pdf = uniquePdf();
        UUID first = uploaded(pdf);
        Files.write(fileOf(sha256(pdf)), uniquePdf());
        refusedDownload(first);

        uploaded(pdf);

        assertThat(download(first)).isEqualTo(pdf);
    }

    @Test
    void whenTheDirectoryCannotBeWrittenTheUploadIsRefusedAndNothingIsAttached() throws Exception {
        byte[] pdf = uniquePdf();
        while (Files.exists(directory.resolve(sha256(pdf).substring(0, 2)))) {
            pdf = uniquePdf();
        }
        Path shard = directory.resolve(sha256(pdf).substring(0, 2));
        Files.writeString(shard, "not a directory");
        try {
            String proposal = draft();
            JsonNode problem = upload(proposal, "Tờ trình.pdf", pdf, 503);

            assertThat(problem.get("code").asString()).isEqualTo("DOCUMENT_STORAGE_UNAVAILABLE");
            assertThat(problem.get("detail").asString()).contains("nothing was attached");
            assertThat(proposal(proposal).get("documents")).isEmpty();
        } finally {
            Files.delete(shard);
        }
    }

    @Test
    void documentsStoredInTheDatabaseBeforeTheDirectoryWasSetStillDownload() throws Exception {
        String proposal = draft();
        byte[] pdf = uniquePdf();
        UUID document = UUID.randomUUID();
        // the row as the registry wrote it before a directory was configured (V12 marked those 'DATABASE')
        jdbc.sql("""
                insert into evidence_document (id, proposal_id, file_name, content_type, size_bytes, sha256,
                    stored_in, content, uploaded_by, uploaded_at)
                values (?, ?, 'Thuyết minh cũ.pdf', 'application/pdf', ?, ?, 'DATABASE', ?, 'editor', ?)""")
                .params(document, UUID.fromString(proposal), pdf.length, sha256(pdf), pdf,
                        OffsetDateTime.parse("2025-12-01T09:00:00+07:00"))
                .update();

        assertThat(download(document)).isEqualTo(pdf);
        assertThat(Files.exists(fileOf(sha256(pdf)))).isFalse();
        List<String> names = proposal(proposal).get("documents").findValuesAsString("fileName");
        assertThat(names).containsExactly("Thuyết minh cũ.pdf");
    }

    @Test
    void documentBytesAlteredInTheDatabaseAreRefusedToo() throws Exception {
        byte[] pdf = uniquePdf();
        String proposal = draft();
        UUID document = UUID.randomUUID();
        jdbc.sql("""
                insert into evidence_document (id, proposal_id, file_name, content_type, size_bytes, sha256,
                    stored_in, content, uploaded_by, uploaded_at)
                values (?, ?, 'a.pdf', 'application/pdf', ?, ?, 'DATABASE', ?, 'editor', ?)""")
                .params(document, UUID.fromString(proposal), pdf.length, sha256(pdf), uniquePdf(),
                        OffsetDateTime.parse("2025-12-01T09:00:00+07:00"))
                .update();

        assertThat(refusedDownload(document).get("detail").asString()).contains(document.toString());
    }

    @Test
    void aRowCannotClaimBothPlacesOrNeither() {
        String proposal = draft();
        // bytes in the row of a document kept in the directory: both places
        assertThatThrownBy(() -> insertDocument(proposal, "DIRECTORY", new byte[] {1}))
                .hasMessageContaining("evidence_document_content_where_stored");
        // no bytes in the row of a document kept in the database: neither
        assertThatThrownBy(() -> insertDocument(proposal, "DATABASE", null))
                .hasMessageContaining("evidence_document_content_where_stored");
    }

    private void insertDocument(String proposal, String storedIn, byte[] content) {
        jdbc.sql("""
                insert into evidence_document (id, proposal_id, file_name, content_type, size_bytes, sha256,
                    stored_in, content, uploaded_by, uploaded_at)
                values (?, ?, 'a.pdf', 'application/pdf', 1, 'x', ?, ?, 'editor', ?)""")
                .params(UUID.randomUUID(), UUID.fromString(proposal), storedIn, content,
                        OffsetDateTime.parse("2025-12-01T09:00:00+07:00")).update();
    }
}
