package vn.ndp.registry.lists.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.PdfFonts;
import vn.ndp.registry.lists.ListEntry;
import vn.ndp.registry.lists.ListField;
import vn.ndp.registry.lists.ListVersion;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/**
 * A list version as a printable PDF: a title page naming the document, then
 * the platforms grouped by owner in a table whose header repeats on every
 * page, and "Trang i/n" at the foot of each page. Liberation Sans (SIL Open
 * Font License) is embedded, so Vietnamese reads correctly everywhere.
 */
final class ListPdf {

    private static final Locale VIETNAMESE = Locale.of("vi");
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 40;
    private static final float BODY = 9;
    private static final float LEADING = 11.5f;
    private static final float PADDING = 3;
    private static final float[] WIDTHS = {30, 110, 262, 70, 92, 72, 126};
    private static final int CODE = 1;
    private static final int NAME = 2;
    /** The name column keeps at least this much when the code column widens to fit the longest code. */
    private static final float MIN_NAME = 160;
    private static final String[] HEADINGS = {"STT", "Mã", "Tên nền tảng", "Nhóm", "Loại", "Trạng thái",
        "Văn bản công nhận"};

    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final MessageSource messages;
    private final PdfFonts fonts;
    private PDPage page;
    private PDPageContentStream content;
    private float y;
    /** The columns' widths: {@link #WIDTHS}, the code column widened so that no code is split across lines. */
    private final float[] widths = WIDTHS.clone();

    private ListPdf(PDDocument document, MessageSource messages) throws IOException {
        this.document = document;
        this.messages = messages;
        this.fonts = PdfFonts.liberationSans(document);
        this.regular = fonts.regular();
        this.bold = fonts.bold();
    }

    static byte[] render(ListVersion version, List<ListEntry> entries, ZoneId zone, MessageSource messages) {
        try (PDDocument document = new PDDocument()) {
            ListPdf pdf = new ListPdf(document, messages);
            pdf.titlePage(version, entries.size(), zone);
            pdf.table(entries);
            pdf.close();
            pdf.pageNumbers(version);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Danh sách nền tảng số — " + version.title());
            info.setSubject(version.documentNumber());
            info.setCreator("NDP");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void titlePage(ListVersion version, int count, ZoneId zone) throws IOException {
        newPage();
        float width = PAGE.getWidth() - 2 * MARGIN;
        y = PAGE.getHeight() - 130;
        centered(bold, 20, "DANH SÁCH NỀN TẢNG SỐ QUỐC GIA");
        y -= 10;
        centered(regular, 11, "List of national digital platforms");
        y -= 28;
        for (String line : fonts.wrap(bold, 15, version.title(), width - 120)) {
            centered(bold, 15, line);
        }
        y -= 16;
        String statuses = String.join(", ", version.statuses().stream()
                .map(s -> label("status.", Wire.name(s))).toList());
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Số văn bản", version.documentNumber()});
        facts.add(new String[] {"Ngày văn bản", CalendarDates.vietnamese(version.documentDate())});
        facts.add(new String[] {"Cơ quan ban hành", version.issuer()});
        facts.add(new String[] {"Số nền tảng", count + " (trạng thái: " + statuses + ")"});
        if (version.note() != null) {
            facts.add(new String[] {"Ghi chú", version.note()});
        }
        LocalDate published = version.publishedAt().atZoneSameInstant(zone).toLocalDate();
        facts.add(new String[] {"Công bố trên NDP", CalendarDates.vietnamese(published) + ", " + version.publishedBy()});
        facts.add(new String[] {"Mã phiên bản", version.id().toString()});
        float labelX = MARGIN + 150;
        float valueX = labelX + 140;
        for (String[] fact : facts) {
            List<String> lines = fonts.wrap(regular, 11, fact[1], PAGE.getWidth() - MARGIN - 150 - valueX);
            text(bold, 11, labelX, y, fact[0] + ":");
            for (String line : lines) {
                text(regular, 11, valueX, y, line);
                y -= 15;
            }
            y -= 4;
        }
        y -= 20;
        centered(regular, 9, "Danh sách là bản chụp không thay đổi của danh mục tại thời điểm công bố; "
                + "cơ quan chủ quản ghi theo ngày văn bản.");
    }

    private void table(List<ListEntry> entries) throws IOException {
        fitCodes(entries);
        newPage();
        header();
        Map<String, List<ListEntry>> byOwner = new LinkedHashMap<>();
        entries.forEach(e -> byOwner.computeIfAbsent(e.ownerCode(), k -> new ArrayList<>()).add(e));
        for (List<ListEntry> group : byOwner.values()) {
            ListEntry first = group.getFirst();
            if (y - (LEADING + 2 * PADDING) - (3 * LEADING + 2 * PADDING) < MARGIN + 20) { // no orphaned heading
                newPage();
                header();
            }
            String heading = first.ownerNameVi() + " (" + first.ownerCode() + ") — " + group.size() + " nền tảng";
            fill(0.88f, y - LEADING - 2 * PADDING, LEADING + 2 * PADDING);
            text(bold, 10, MARGIN + PADDING, y - PADDING - 9, heading);
            y -= LEADING + 2 * PADDING;
            for (ListEntry entry : group) {
                row(entry);
            }
        }
    }

    /**
     * Widens the code column, at the name column's expense, to the longest code: a code is one word ("HT-THEO-DOI-
     * NHIEM-VU") that a reader copies or looks up, never to be broken. Only a code longer than the two columns can
     * give is wrapped, at its hyphens where it can be ({@link PdfFonts#wrap}).
     */
    private void fitCodes(List<ListEntry> entries) throws IOException {
        float longest = 0;
        for (ListEntry e : entries) {
            longest = Math.max(longest, fonts.measure(regular, BODY, e.platformCode()));
        }
        float wanted = (float) Math.ceil(longest + 2 * PADDING + 1);
        float extra = Math.min(wanted - widths[CODE], widths[NAME] - MIN_NAME);
        if (extra > 0) {
            widths[CODE] += extra;
            widths[NAME] -= extra;
        }
    }

    private void row(ListEntry e) throws IOException {
        String[] cells = {String.valueOf(e.position()), e.platformCode(),
            e.nameVi() + (e.get(ListField.NAME_EN) == null ? "" : "\n" + e.get(ListField.NAME_EN)),
            label("category.", e.get(ListField.CATEGORY)), label("type.", e.get(ListField.TYPE)),
            label("status.", e.get(ListField.STATUS)), legalBasis(e)};
        record Line(PDType0Font font, String text) {
        }
        List<List<Line>> lines = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < cells.length; c++) {
            List<Line> wrapped = new ArrayList<>();
            String[] paragraphs = cells[c].split("\n");
            for (int i = 0; i < paragraphs.length; i++) {
                PDType0Font font = c == 2 && i == 0 ? bold : regular; // the platform's Vietnamese name stands out
                for (String line : fonts.wrap(font, BODY, paragraphs[i], widths[c] - 2 * PADDING)) {
                    wrapped.add(new Line(font, line));
                }
            }
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float rowHeight = height * LEADING + 2 * PADDING;
        if (y - rowHeight < MARGIN + 20) {
            newPage();
            header();
        }
        float x = MARGIN;
        for (int c = 0; c < cells.length; c++) {
            float lineY = y - PADDING - BODY;
            for (Line line : lines.get(c)) {
                text(line.font(), BODY, x + PADDING, lineY, line.text());
                lineY -= LEADING;
            }
            x += widths[c];
        }
        y -= rowHeight;
        content.setLineWidth(0.3f);
        content.moveTo(MARGIN, y);
        content.lineTo(PAGE.getWidth() - MARGIN, y);
        content.stroke();
    }

    private void header() throws IOException {
        float height = LEADING + 2 * PADDING;
        fill(0.75f, y - height, height);
        float x = MARGIN;
        for (int c = 0; c < HEADINGS.length; c++) {
            text(bold, BODY, x + PADDING, y - PADDING - BODY, HEADINGS[c]);
            x += widths[c];
        }
        y -= height;
    }

    private void pageNumbers(ListVersion version) throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                fonts.drawCentred(footer, regular, 8, PAGE.getWidth() / 2, MARGIN / 2, "Trang " + (i + 1) + "/" + total);
                fonts.draw(footer, regular, 8, MARGIN, MARGIN / 2, version.documentNumber());
            }
        }
    }

    private String legalBasis(ListEntry e) {
        String number = e.get(ListField.LEGAL_BASIS);
        String date = e.get(ListField.LEGAL_BASIS_DATE);
        if (number == null) {
            return "";
        }
        return date == null ? number : number + "\nngày " + CalendarDates.vietnamese(LocalDate.parse(date));
    }

    private String label(String prefix, String wire) {
        if (wire == null) {
            return "";
        }
        return messages.getMessage(prefix + wire, null, wire, VIETNAMESE);
    }

    private void newPage() throws IOException {
        close();
        page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void fill(float gray, float bottom, float height) throws IOException {
        content.setNonStrokingColor(gray, gray, gray);
        content.addRect(MARGIN, bottom, PAGE.getWidth() - 2 * MARGIN, height);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
    }

    private void centered(PDType0Font font, float size, String text) throws IOException {
        fonts.drawCentred(content, font, size, PAGE.getWidth() / 2, y, text);
        y -= size * 1.4f;
    }

    private void text(PDType0Font font, float size, float x, float baseline, String text) throws IOException {
        fonts.draw(content, font, size, x, baseline, text);
    }
}
