package vn.ndp.registry.catalog;

import java.nio.charset.StandardCharsets;

/** A catalogue import file as tests write one: the usual columns, then the rows given. */
public final class CatalogueCsv {

    /** The columns most test rows fill, the last being where a row came from. */
    public static final String HEADER = "code,name_vi,name_en,owner_code,category,type,scope,status,description_vi,"
            + "description_en,operator,legal_basis,website,source\n";

    private CatalogueCsv() {
    }

    /** The file holding {@code rows} under {@link #HEADER}, in UTF-8. */
    public static byte[] of(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
