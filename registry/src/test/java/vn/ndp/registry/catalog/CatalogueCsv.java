package vn.ndp.registry.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A catalogue import file as tests write one: the usual columns, any a test adds, then the rows given. */
public final class CatalogueCsv {

    /** The columns most test rows fill, the last being where a row came from. */
    public static final List<String> COLUMNS = List.of("code", "name_vi", "name_en", "owner_code", "category", "type",
            "scope", "status", "description_vi", "description_en", "operator", "legal_basis", "website", "source");

    private CatalogueCsv() {
    }

    /** The file holding {@code rows} under {@link #COLUMNS}, in UTF-8. */
    public static byte[] of(String... rows) {
        return of(List.of(), rows);
    }

    /** The file holding {@code rows} under {@link #COLUMNS} then {@code extraColumns}, in UTF-8. */
    public static byte[] of(List<String> extraColumns, String... rows) {
        return text(extraColumns, rows).getBytes(StandardCharsets.UTF_8);
    }

    /** The text of {@link #of(List, String...)}'s file, for a test that encodes it otherwise. */
    public static String text(List<String> extraColumns, String... rows) {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(extraColumns);
        return String.join(",", header) + "\n" + String.join("\n", rows) + "\n";
    }
}
