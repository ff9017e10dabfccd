package vn.ndp.registry.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.ndp.registry.shared.ErrorCode;
import vn.ndp.registry.shared.RegistryException;

class EvidenceDocumentsTests {

    final EvidenceDocuments documents = new EvidenceDocuments(null, null, GovernanceSettings.defaults(),
            Clock.systemUTC());

    static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] office(String mainPart, boolean macros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            if (macros) {
                zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
                zip.write(new byte[] {1, 2, 3});
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void recognisesEachAcceptedKindByItsContent() throws IOException {
        assertThat(documents.check("Hồ sơ đề xuất.pdf", pdf())).isEqualTo(EvidenceDocuments.Kind.PDF);
        assertThat(documents.check("thuyet-minh.docx", office("word/document.xml", false)))
                .isEqualTo(EvidenceDocuments.Kind.DOCX);
        assertThat(documents.check("so-lieu.XLSX", office("xl/workbook.xml", false)))
                .isEqualTo(EvidenceDocuments.Kind.XLSX);
        assertThat(documents.check("so-do.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
                .isEqualTo(EvidenceDocuments.Kind.PNG);
        assertThat(documents.check("anh.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEqualTo(EvidenceDocuments.Kind.JPEG);
    }

    @Test
    void aFormTakesTheConfiguredTypesWithEachOfTheirExtensionsAndTheLimitItIsGiven() {
        GovernanceSettings d = GovernanceSettings.defaults();
        EvidenceDocuments pdfAndJpeg = new EvidenceDocuments(null, null, new GovernanceSettings(d.criteria(),
                d.reevaluationInterval(), d.dueSoon(), d.reviewedFields(), d.directFields(), DataSize.ofMegabytes(20),
                List.of("pdf", "jpeg"), d.decisionIssuer(), null), Clock.systemUTC());

        assertThat(pdfAndJpeg.accepted()).isEqualTo(new EvidenceDocuments.Accepted(".pdf,.jpg,.jpeg", "PDF, JPEG",
                "20 MB"));
        assertThat(pdfAndJpeg.accepted(DataSize.ofMegabytes(5)).limit()).isEqualTo("5 MB");
    }

    @Test
    void refusesAProgramRenamedToPdf() {
        byte[] windowsProgram = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertRejected("hoso.pdf", windowsProgram, "not a PDF, DOCX");
    }

    @Test
    void refusesAPdfNamedAsAnImageAndHtmlNamedAsPdf() {
        assertRejected("anh.png", pdf(), "the name says PNG but the content is PDF");
        assertRejected("x.pdf", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "not a PDF");
    }

    @Test
    void refusesUnlistedExtensionsEmptyFilesAndOfficeFilesWithMacros() throws IOException {
        assertRejected("run.exe", pdf(), "only [pdf, docx, xlsx, png, jpeg]");
        assertRejected("hoso.svg", pdf(), "only");
        assertRejected("empty.pdf", new byte[0], "empty");
        assertRejected("macro.docx", office("word/document.xml", true), "not a PDF, DOCX");
    }

    @Test
    void refusesADocumentOverTheSizeLimit() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        assertRejected("big.pdf", big, "the limit is 10485760 bytes (10 MB)");
    }

    @Test
    void keepsOnlyTheLastPathSegmentOfANameWithoutControlCharacters() {
        assertThat(EvidenceDocuments.safeName("..\\..\\windows/evil\r\n\".pdf")).isEqualTo("evil.pdf");
        assertThat(EvidenceDocuments.safeName("Quyết định 1230.pdf")).isEqualTo("Quyết định 1230.pdf");
        assertThat(EvidenceDocuments.safeName("/")).isEqualTo("document");
    }

    private void assertRejected(String name, byte[] content, String why) {
        assertThatThrownBy(() -> documents.check(name, content)).isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).code()).isEqualTo(ErrorCode.DOCUMENT_REJECTED))
                .hasMessageContaining(why);
    }
}
