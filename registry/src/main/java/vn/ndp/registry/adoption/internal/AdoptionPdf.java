package vn.ndp.registry.adoption.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.PdfFonts;
import vn.ndp.registry.adoption.AdoptionFigures;
import vn.ndp.registry.adoption.AdoptionFigures.Level;
import vn.ndp.registry.adoption.AdoptionFigures.ProvinceRow;
import vn.ndp.registry.adoption.AdoptionStatus;

/**
 * The adoption report as a printable PDF (A4 portrait): the figures computed
 * from declarations beside the published ones, a bar chart of the platforms
 * provinces deploy, the province tile map, and one line per province. Liberation
 * Sans (SIL Open Font License) is embedded, so Vietnamese reads correctly.
 */
final class AdoptionPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float[][] COLOURS = {{0.90f, 0.90f, 0.90f}, {0.99f, 0.87f, 0.55f}, {0.55f, 0.75f, 0.92f},
        {0.13f, 0.50f, 0.30f}};
    private static final String[] LEVEL_LABELS = {"Chưa khai báo", "Đã có kế hoạch", "Đang triển khai",
        "Đang sử dụng"};

    private final PDDocument document;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PdfFonts fonts;
    private PDPageContentStream content;
    private float y;

    private AdoptionPdf(PDDocument document) throws IOException {
        this.document = document;
        this.fonts = PdfFonts.liberationSans(document);
        this.regular = fonts.regular();
        this.bold = fonts.bold();
    }

    static byte[] render(AdoptionFigures.Summary summary, List<AdoptionReports.KpiLine> kpis, ProvinceMap map) {
        try (PDDocument document = new PDDocument()) {
            AdoptionPdf pdf = new AdoptionPdf(document);
            pdf.overview(summary, kpis);
            pdf.map(map);
            pdf.provinces(summary);
            pdf.close();
            document.getDocumentInformation().setTitle("Triển khai nền tảng số quốc gia tại địa phương — năm "
                    + summary.year());
            document.getDocumentInformation().setCreator("NDP");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void overview(AdoptionFigures.Summary s, List<AdoptionReports.KpiLine> kpis) throws IOException {
        newPage();
        text(bold, 16, MARGIN, y, "TRIỂN KHAI NỀN TẢNG SỐ QUỐC GIA TẠI ĐỊA PHƯƠNG");
        y -= 20;
        text(regular, 11, MARGIN, y, "Năm " + s.year() + " — tính theo ngày " + CalendarDates.vietnamese(s.asOf()) + " ("
                + s.kpis().provinces() + " tỉnh, thành phố)");
        y -= 16;
        if (s.sample()) {
            content.setNonStrokingColor(0.75f, 0.1f, 0.1f);
            text(bold, 10, MARGIN, y, "Có DỮ LIỆU MẪU — không phải số liệu thật.");
            content.setNonStrokingColor(0f, 0f, 0f);
            y -= 16;
        }
        y -= 8;
        text(bold, 12, MARGIN, y, "Chỉ tiêu");
        y -= 16;
        float[] cols = {MARGIN, MARGIN + 290, MARGIN + 400};
        text(bold, 9, cols[0], y, "Số tỉnh, thành phố");
        text(bold, 9, cols[1], y, "Tính từ dữ liệu");
        text(bold, 9, cols[2], y, "Công bố");
        y -= 4;
        rule();
        y -= 12;
        for (AdoptionReports.KpiLine line : kpis) {
            text(regular, 9, cols[0], y, line.labelVi());
            text(regular, 9, cols[1], y, line.computed() + "/" + s.kpis().provinces());
            text(regular, 9, cols[2], y, line.publishedText());
            y -= 13;
        }
        y -= 4;
        for (String note : fonts.wrap(regular, 8, "\"Tính từ dữ liệu\": đếm từ kế hoạch các địa phương khai báo trên"
                + " NDP có văn bản ban hành đến ngày tính (kế hoạch không ghi ngày văn bản luôn được tính; kế hoạch"
                + " của tỉnh cũ được tính cho tỉnh kế thừa từ 01/07/2025). \"Công bố\": số liệu chương"
                + " trình đã công bố, kèm nguồn trên trang Triển khai tại địa phương.", PAGE.getWidth() - 2 * MARGIN)) {
            text(regular, 8, MARGIN, y, note);
            y -= 10;
        }
        y -= 16;
        text(bold, 12, MARGIN, y, "Số địa phương triển khai từng nền tảng (đang triển khai hoặc đang sử dụng)");
        y -= 18;
        List<AdoptionFigures.PlatformRow> bars = s.platforms().stream()
                .filter(p -> !p.deploying().isEmpty() || !p.planned().isEmpty()).limit(20).toList();
        if (bars.isEmpty()) {
            text(regular, 9, MARGIN, y, "Chưa có địa phương nào khai báo cho năm này.");
            y -= 14;
        }
        int max = Math.max(1, bars.stream().mapToInt(p -> p.deploying().size()).max().orElse(1));
        float labelWidth = 250;
        float barRoom = PAGE.getWidth() - 2 * MARGIN - labelWidth - 30;
        for (AdoptionFigures.PlatformRow p : bars) {
            String label = p.nameVi();
            List<String> lines = fonts.wrap(regular, 8, label, labelWidth - 8);
            text(regular, 8, MARGIN, y, lines.getFirst() + (lines.size() > 1 ? "…" : ""));
            float width = barRoom * p.deploying().size() / max;
            content.setNonStrokingColor(COLOURS[3][0], COLOURS[3][1], COLOURS[3][2]);
            content.addRect(MARGIN + labelWidth, y - 2, Math.max(width, p.deploying().isEmpty() ? 0 : 2), 9);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            text(regular, 8, MARGIN + labelWidth + width + 4, y, p.deploying().size() + " (kế hoạch: "
                    + p.planned().size() + ")");
            y -= 14;
            if (y < MARGIN + 20) {
                newPage();
            }
        }
    }

    private void map(ProvinceMap map) throws IOException {
        newPage();
        text(bold, 12, MARGIN, y, "Bản đồ mức độ triển khai theo tỉnh, thành phố (" + map.tiles().size() + ")");
        y -= 16;
        float legendX = MARGIN;
        for (Level level : Level.values()) {
            float[] c = COLOURS[level.ordinal()];
            content.setNonStrokingColor(c[0], c[1], c[2]);
            content.addRect(legendX, y - 2, 10, 10);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            String label = LEVEL_LABELS[level.ordinal()] + " (" + map.legend().getOrDefault(level, 0L) + ")";
            text(regular, 8, legendX + 14, y, label);
            legendX += 14 + PdfFonts.width(regular, 8, label) + 14;
        }
        y -= 14;
        float top = y;
        float availableHeight = top - MARGIN;
        float availableWidth = PAGE.getWidth() - 2 * MARGIN;
        float scale = Math.min(availableWidth / map.width(), availableHeight / map.height());
        float tile = ProvinceMap.TILE * scale;
        for (ProvinceMap.Tile t : map.tiles()) {
            float x = MARGIN + t.x() * scale;
            float bottom = top - t.y() * scale - tile;
            float[] c = COLOURS[t.level().ordinal()];
            content.setNonStrokingColor(c[0], c[1], c[2]);
            content.addRect(x, bottom, tile, tile);
            content.fill();
            boolean dark = t.level() == Level.IN_USE;
            content.setNonStrokingColor(dark ? 1f : 0f, dark ? 1f : 0f, dark ? 1f : 0f);
            float size = Math.max(4.5f, 8 * scale);
            centred(regular, size, x + tile / 2, bottom + tile * 0.62f, t.line1());
            if (!t.line2().isEmpty()) {
                centred(regular, size, x + tile / 2, bottom + tile * 0.62f - size * 1.15f, t.line2());
            }
            centred(bold, size, x + tile / 2, bottom + tile * 0.14f, t.inUse() + t.deploying() + "/"
                    + (t.inUse() + t.deploying() + t.planned()));
            content.setNonStrokingColor(0f, 0f, 0f);
        }
    }

    private void provinces(AdoptionFigures.Summary s) throws IOException {
        newPage();
        text(bold, 12, MARGIN, y, "Từng tỉnh, thành phố");
        y -= 16;
        float[] cols = {MARGIN, MARGIN + 150, MARGIN + 230, MARGIN + 290, MARGIN + 350, MARGIN + 410, MARGIN + 470};
        String[] headings = {"Tỉnh, thành phố", "Văn bản", "Đang dùng", "Triển khai", "Kế hoạch", "Mẫu", ""};
        header(cols, headings);
        for (ProvinceRow r : s.provinces()) {
            if (y < MARGIN + 20) {
                newPage();
                header(cols, headings);
            }
            String name = r.province().shortName() == null ? r.province().nameVi() : r.province().shortName();
            text(regular, 8.5f, cols[0], y, name);
            String kind = r.declaredBy().isEmpty() ? "—" : (r.inPlan() ? "Kế hoạch" : "")
                    + (r.inPlan() && r.byDecision() ? ", " : "") + (r.byDecision() ? "Quyết định" : "")
                    + (!r.inPlan() && !r.byDecision() ? "Chưa có" : "");
            text(regular, 8.5f, cols[1], y, kind);
            text(regular, 8.5f, cols[2], y, String.valueOf(r.count(AdoptionStatus.IN_USE)));
            text(regular, 8.5f, cols[3], y, String.valueOf(r.count(AdoptionStatus.DEPLOYING)));
            text(regular, 8.5f, cols[4], y, String.valueOf(r.count(AdoptionStatus.PLANNED)));
            text(regular, 8.5f, cols[5], y, r.sample() ? "Dữ liệu mẫu" : "");
            y -= 12;
        }
    }

    private void header(float[] cols, String[] headings) throws IOException {
        for (int i = 0; i < headings.length; i++) {
            text(bold, 8.5f, cols[i], y, headings[i]);
        }
        y -= 4;
        rule();
        y -= 12;
    }

    private void rule() throws IOException {
        content.setLineWidth(0.4f);
        content.moveTo(MARGIN, y);
        content.lineTo(PAGE.getWidth() - MARGIN, y);
        content.stroke();
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN - 10;
    }

    private void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void centred(PDType0Font font, float size, float centreX, float baseline, String text)
            throws IOException {
        fonts.drawCentred(content, font, size, centreX, baseline, text);
    }

    private void text(PDType0Font font, float size, float x, float baseline, String text) throws IOException {
        fonts.draw(content, font, size, x, baseline, text);
    }
}
