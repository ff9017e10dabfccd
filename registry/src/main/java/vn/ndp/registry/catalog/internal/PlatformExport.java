package vn.ndp.registry.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.ndp.registry.agencies.Agencies;
import vn.ndp.registry.catalog.Catalog;
import vn.ndp.registry.catalog.Platform;
import vn.ndp.registry.catalog.PlatformPage;
import vn.ndp.registry.catalog.PlatformQuery;
import vn.ndp.registry.shared.CalendarDates;
import vn.ndp.registry.shared.CsvFiles;
import vn.ndp.registry.shared.InvalidParameters.Wire;

/**
 * Exports search matches in the import format (so an export can be edited and
 * imported back), with the owner as of the query's date appended. The import
 * reads a workbook's first sheet only: an XLSX says its date in a second one.
 */
@Component
class PlatformExport {

    static final List<String> AS_OF_COLUMNS = List.of("owner_as_of_code", "owner_as_of_name", "as_of");

    /** The XLSX's second sheet, which says the date the matches are as of. */
    static final String ABOUT_SHEET = "Thông tin";

    private final Catalog catalog;
    private final Agencies agencies;

    PlatformExport(Catalog catalog, Agencies agencies) {
        this.catalog = catalog;
        this.agencies = agencies;
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(PlatformRows.REQUIRED);
        header.addAll(PlatformRows.OPTIONAL);
        header.addAll(AS_OF_COLUMNS);
        return header;
    }

    byte[] csv(PlatformQuery query) {
        LocalDate asOf = query.asOf() == null ? agencies.today() : query.asOf();
        return CsvFiles.write(header(), rows -> catalog.forEachMatch(query, hit -> rows.accept(row(hit, asOf))));
    }

    byte[] xlsx(PlatformQuery query) {
        LocalDate asOf = query.asOf() == null ? agencies.today() : query.asOf();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("Nền tảng số");
            List<String> header = header();
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            int[] r = {1};
            catalog.forEachMatch(query, hit -> {
                Row row = sheet.createRow(r[0]++);
                List<String> values = row(hit, asOf);
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) != null) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
            });
            Sheet about = workbook.createSheet(ABOUT_SHEET);
            String heading = "Danh mục nền tảng số theo ngày " + CalendarDates.vietnamese(asOf);
            about.createRow(0).createCell(0).setCellValue(heading);
            Row date = about.createRow(1);
            date.createCell(0).setCellValue("as_of");
            date.createCell(1).setCellValue(asOf.toString());
            workbook.getXSSFWorkbook().getProperties().getCoreProperties()
                    .setTitle(heading);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(PlatformPage.Hit hit, LocalDate asOf) {
        Platform p = hit.platform();
        List<String> row = new ArrayList<>(List.of(
                p.code(), p.nameVi(), text(p.nameEn()), p.ownerCode(), Wire.name(p.category()), Wire.name(p.type()),
                String.join(";", PlatformJson.scopeNames(p)), Wire.name(p.status()), text(p.descriptionVi()),
                text(p.descriptionEn()), text(p.operator().name()), text(p.legalBasis().number()), text(p.website()),
                text(p.operator().contact()), text(p.operator().phone()), text(p.operator().email()),
                text(p.developer()), text(p.legalBasis().date()), text(p.legalBasis().issuer()),
                text(p.security().level()), text(p.security().dossierApproved()), text(p.security().dossierDate()),
                text(p.dataInVietnam()), Wire.name(p.ndxpStatus()), String.join(";", p.tags()), text(p.listedFrom()),
                text(p.source())));
        row.add(hit.owner().code());
        row.add(hit.owner().nameVi());
        row.add(asOf.toString());
        return row;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
