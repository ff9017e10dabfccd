package vn.ndp.registry.adoption.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.ndp.registry.adoption.AdoptionDesk;
import vn.ndp.registry.adoption.AdoptionFigures.Kpis;
import vn.ndp.registry.adoption.AdoptionFigures.ProvinceRow;
import vn.ndp.registry.adoption.AdoptionFigures;
import vn.ndp.registry.adoption.AdoptionStatus;
import vn.ndp.registry.agencies.Agency;
import vn.ndp.registry.reporting.ProgrammeFigure;
import vn.ndp.registry.reporting.ProgrammeFigures;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.CsvFiles;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/**
 * The adoption figures of a year, as of a date, as files: CSV (one row per
 * province), XLSX (summary, provinces, platforms, ministries) and PDF (see
 * {@link AdoptionPdf}). Every file says which figures are computed from the
 * declarations and which are the programme's published ones, and marks sample
 * data as such.
 */
@Component
class AdoptionReports {

    static final List<String> PROVINCE_COLUMNS = List.of("province_code", "province_name", "year", "as_of", "level",
            "assigned", "declared_in_plan", "declared_by_decision", "deploying", "declared_by", "platforms_in_use",
            "platforms_deploying", "platforms_planned", "sample");

    /** The workbook's headings of {@link #PROVINCE_COLUMNS}, one for one, above the codes the CSV file has. */
    static final List<String> PROVINCE_HEADINGS = List.of("Mã tỉnh, thành phố", "Tên tỉnh, thành phố", "Năm",
            "Tính theo ngày", "Mức độ triển khai", "Được giao triển khai ít nhất một nền tảng",
            "Công bố lựa chọn trong kế hoạch chuyển đổi số", "Công bố bằng văn bản riêng của UBND tỉnh",
            "Triển khai ít nhất một nền tảng", "Khai báo bởi (mã tỉnh, thành phố)", "Số nền tảng đang sử dụng",
            "Số nền tảng đang triển khai", "Số nền tảng trong kế hoạch", "Dữ liệu mẫu");

    private final ProgrammeFigures programme;
    private final AdoptionDesk desk;

    AdoptionReports(ProgrammeFigures programme, AdoptionDesk desk) {
        this.programme = programme;
        this.desk = desk;
    }

    /**
     * A computed figure next to the published one of the same year, if any; {@code publishedOutOf}:
     * the provinces there were on the published figure's date, or at the end of its year when it has
     * none (63 before 1 July 2025, 34 after).
     */
    record KpiLine(String key, String labelVi, String labelEn, int computed, BigDecimal published, Integer publishedOutOf,
                   String source) {

        /** The published figure over its provinces ("43/63"), or "—" when none was published; as pages and PDF show it. */
        public String publishedText() {
            return published == null ? "—" : published.toPlainString() + "/" + publishedOutOf;
        }
    }

    /** The four figures of the programme, computed, with the published ones for the year where they exist. */
    List<KpiLine> kpis(AdoptionFigures.Summary summary) {
        Kpis k = summary.kpis();
        List<ProgrammeFigure> all = programme.publishedBy(summary.asOf());
        String prefix = "list_" + summary.year() + ".";
        List<KpiLine> lines = new ArrayList<>();
        Map<LocalDate, Integer> provincesOn = new HashMap<>(); // the figures of a year mostly share one date
        lines.add(line(all, provincesOn, summary.year(), prefix + "provinces_assigned", "Được giao triển khai ít nhất một nền tảng",
                "Assigned at least one platform", k.assigned()));
        lines.add(line(all, provincesOn, summary.year(), prefix + "provinces_in_plan", "Công bố lựa chọn trong kế hoạch chuyển đổi số",
                "Declared in the digital-transformation plan", k.inPlan()));
        lines.add(line(all, provincesOn, summary.year(), prefix + "provinces_by_decision", "Công bố bằng văn bản riêng của UBND tỉnh",
                "Declared by a separate decision of the People's Committee", k.byDecision()));
        lines.add(line(all, provincesOn, summary.year(), prefix + "provinces_deploying", "Triển khai ít nhất một nền tảng",
                "Deploying at least one platform", k.deploying()));
        return lines;
    }

    private KpiLine line(List<ProgrammeFigure> all, Map<LocalDate, Integer> provincesOn, int year, String key, String vi,
                         String en, int computed) {
        ProgrammeFigure published = all.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
        if (published == null) {
            return new KpiLine(key.substring(key.indexOf('.') + 1), vi, en, computed, null, null, null);
        }
        LocalDate on = published.asOf() != null ? published.asOf() : LocalDate.of(year, 12, 31);
        return new KpiLine(key.substring(key.indexOf('.') + 1), vi, en, computed, published.value(),
                provincesOn.computeIfAbsent(on, date -> desk.provincesOn(date).size()), published.source());
    }

    static List<String> provinceRow(ProvinceRow r, AdoptionFigures.Summary s) {
        return List.of(r.province().code(), r.province().nameVi(), String.valueOf(s.year()), s.asOf().toString(),
                Wire.name(r.level()), yes(r.assigned()), yes(r.inPlan()), yes(r.byDecision()), yes(r.deploying()),
                String.join(";", r.declaredBy().stream().map(Agency::code).toList()),
                String.valueOf(r.count(AdoptionStatus.IN_USE)), String.valueOf(r.count(AdoptionStatus.DEPLOYING)),
                String.valueOf(r.count(AdoptionStatus.PLANNED)), yes(r.sample()));
    }

    private static String yes(boolean b) {
        return b ? "true" : "false";
    }

    byte[] csv(AdoptionFigures.Summary summary) {
        return CsvFiles.write(PROVINCE_COLUMNS, rows -> {
            for (ProvinceRow row : summary.provinces()) {
                rows.accept(provinceRow(row, summary));
            }
        });
    }

    byte[] xlsx(AdoptionFigures.Summary summary) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet overview = workbook.createSheet("Tổng hợp");
            int r = 0;
            cells(overview.createRow(r++), bold, "Triển khai nền tảng số quốc gia tại địa phương — năm "
                    + summary.year());
            cells(overview.createRow(r++), null, "Tính theo ngày", CalendarDates.vietnamese(summary.asOf()));
            cells(overview.createRow(r++), null, "Số tỉnh, thành phố theo ngày", String.valueOf(
                    summary.kpis().provinces()));
            if (summary.sample()) {
                cells(overview.createRow(r++), bold, "Có dữ liệu mẫu — không phải số liệu thật");
            }
            r++;
            cells(overview.createRow(r++), bold, "Chỉ tiêu", "Tính từ dữ liệu", "Công bố",
                    "Nguồn công bố", "Số tỉnh, thành phố khi công bố");
            for (KpiLine line : kpis(summary)) {
                Row row = overview.createRow(r++);
                row.createCell(0).setCellValue(line.labelVi());
                row.createCell(1).setCellValue(line.computed());
                if (line.published() != null) {
                    row.createCell(2).setCellValue(line.published().doubleValue());
                    row.createCell(3).setCellValue(line.source());
                    row.createCell(4).setCellValue(line.publishedOutOf());
                }
            }
            overview.setColumnWidth(0, 60 * 256);
            overview.setColumnWidth(1, 24 * 256);
            overview.setColumnWidth(2, 20 * 256);

            Sheet provinces = workbook.createSheet("Địa phương");
            headings(provinces, bold, PROVINCE_HEADINGS, PROVINCE_COLUMNS);
            int p = 2;
            for (ProvinceRow row : summary.provinces()) {
                cells(provinces.createRow(p++), null, provinceRow(row, summary).toArray(String[]::new));
            }

            Sheet platforms = workbook.createSheet("Nền tảng");
            headings(platforms, bold, List.of("Mã nền tảng", "Tên nền tảng", "Mã cơ quan chủ quản",
                    "Cơ quan chủ quản", "Số tỉnh, thành phố đang triển khai hoặc sử dụng", "Số tỉnh, thành phố có kế hoạch",
                    "Tỉnh, thành phố đang triển khai hoặc sử dụng (mã)", "Tỉnh, thành phố có kế hoạch (mã)"),
                    List.of("platform_code", "platform_name", "owner_code", "owner_name", "provinces_deploying",
                            "provinces_planned", "deploying", "planned"));
            int q = 2;
            for (AdoptionFigures.PlatformRow row : summary.platforms()) {
                Row x = platforms.createRow(q++);
                cells(x, null, row.code(), row.nameVi(), row.owner().code(), row.owner().nameVi());
                x.createCell(4).setCellValue(row.deploying().size());
                x.createCell(5).setCellValue(row.planned().size());
                x.createCell(6).setCellValue(String.join(";", row.deploying().stream().map(Agency::code).toList()));
                x.createCell(7).setCellValue(String.join(";", row.planned().stream().map(Agency::code).toList()));
            }

            Sheet ministries = workbook.createSheet("Bộ, ngành");
            headings(ministries, bold, List.of("Mã bộ, ngành", "Bộ, ngành", "Số nền tảng",
                    "Số nền tảng được địa phương triển khai", "Số lượt tỉnh, thành phố triển khai"),
                    List.of("owner_code", "owner_name", "platforms", "platforms_deployed", "province_deployments"));
            int m = 2;
            for (AdoptionFigures.MinistryRow row : summary.ministries()) {
                Row x = ministries.createRow(m++);
                cells(x, null, row.ministry().code(), row.ministry().nameVi());
                x.createCell(2).setCellValue(row.platforms());
                x.createCell(3).setCellValue(row.platformsDeployed());
                x.createCell(4).setCellValue(row.provinceDeployments());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A table's two heading rows, as the list workbook has them: what a person reads, in bold, then the column's code
     * (the CSV file's and the API's name), both kept in view while scrolling.
     */
    private static void headings(Sheet sheet, CellStyle bold, List<String> headings, List<String> codes) {
        cells(sheet.createRow(0), bold, headings.toArray(String[]::new));
        cells(sheet.createRow(1), null, codes.toArray(String[]::new));
        sheet.createFreezePane(0, 2);
    }

    private static void cells(Row row, CellStyle style, String... values) {
        for (int c = 0; c < values.length; c++) {
            var cell = row.createCell(c);
            cell.setCellValue(values[c]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
