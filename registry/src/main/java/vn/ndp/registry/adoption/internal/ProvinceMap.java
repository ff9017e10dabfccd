package vn.ndp.registry.adoption.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ndp.registry.adoption.AdoptionFigures;
import vn.ndp.registry.adoption.AdoptionFigures.Level;
import vn.ndp.registry.adoption.AdoptionFigures.ProvinceRow;

/**
 * A tile map of Vietnam's provinces: one square per province, placed roughly
 * where it lies (north at the top), coloured by how far its adoption got.
 * Boundary data is not shipped, so a grid is drawn instead of shapes; the
 * 63-province layout is used before 1 July 2025 and the 34-province layout
 * from then (Huế takes Thừa Thiên Huế's square). Rendered as inline SVG by
 * {@code adoption/fragments :: map}, with a title, a description and a data
 * table beside it.
 */
record ProvinceMap(String id, String title, String description, int width, int height, List<Tile> tiles,
        Map<Level, Long> legend) {

    static final int TILE = 66;
    static final int GAP = 4;

    /** One province's square: its name in the reader's language, its two label lines and its counts. */
    record Tile(String code, String name, String line1, String line2, int x, int y, Level level, long inUse,
            long deploying, long planned, boolean sample, String href) {

        public String cssClass() {
            return "tile level-" + level.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public int textX() {
            return x + TILE / 2;
        }
    }

    /** Column, row of each province of the 63 (until 30/06/2025, with Huế from 01/01/2025). */
    private static final String OLD = """
            P-LAI-CHAU 1 0, P-LAO-CAI 2 0, P-HA-GIANG 3 0, P-CAO-BANG 4 0,
            P-DIEN-BIEN 0 1, P-YEN-BAI 2 1, P-TUYEN-QUANG 3 1, P-BAC-KAN 4 1, P-LANG-SON 5 1,
            P-SON-LA 1 2, P-PHU-THO 2 2, P-THAI-NGUYEN 3 2, P-BAC-GIANG 4 2, P-QUANG-NINH 5 2,
            P-VINH-PHUC 2 3, P-HA-NOI 3 3, P-BAC-NINH 4 3, P-HAI-DUONG 5 3, P-HAI-PHONG 6 3,
            P-HOA-BINH 2 4, P-HA-NAM 3 4, P-HUNG-YEN 4 4, P-THAI-BINH 5 4,
            P-THANH-HOA 2 5, P-NINH-BINH 3 5, P-NAM-DINH 4 5,
            P-NGHE-AN 2 6, P-HA-TINH 3 7, P-QUANG-BINH 3 8, P-QUANG-TRI 4 9,
            P-THUA-THIEN-HUE 4 10, P-HUE 4 10,
            P-QUANG-NAM 4 11, P-DA-NANG 5 11, P-KON-TUM 4 12, P-QUANG-NGAI 5 12,
            P-GIA-LAI 4 13, P-BINH-DINH 5 13, P-DAK-LAK 4 14, P-PHU-YEN 5 14,
            P-DAK-NONG 3 15, P-LAM-DONG 4 15, P-KHANH-HOA 5 15,
            P-BINH-PHUOC 2 16, P-DONG-NAI 3 16, P-BINH-THUAN 4 16, P-NINH-THUAN 5 16,
            P-TAY-NINH 1 17, P-BINH-DUONG 2 17, P-HO-CHI-MINH 3 17, P-BA-RIA-VUNG-TAU 4 17,
            P-AN-GIANG 0 18, P-DONG-THAP 1 18, P-LONG-AN 2 18, P-TIEN-GIANG 3 18,
            P-KIEN-GIANG 0 19, P-CAN-THO 1 19, P-VINH-LONG 2 19, P-BEN-TRE 3 19,
            P-HAU-GIANG 1 20, P-SOC-TRANG 2 20, P-TRA-VINH 3 20,
            P-CA-MAU 0 21, P-BAC-LIEU 1 21""";

    /** Column, row of each of the 34 provinces from 01/07/2025. */
    private static final String NEW = """
            P-LAI-CHAU 1 0, P-LAO-CAI-2025 2 0, P-TUYEN-QUANG-2025 3 0, P-CAO-BANG 4 0,
            P-DIEN-BIEN 0 1, P-SON-LA 1 1, P-PHU-THO-2025 2 1, P-THAI-NGUYEN-2025 3 1, P-LANG-SON 4 1,
            P-HA-NOI 2 2, P-BAC-NINH-2025 3 2, P-QUANG-NINH 4 2,
            P-NINH-BINH-2025 2 3, P-HUNG-YEN-2025 3 3, P-HAI-PHONG-2025 4 3,
            P-THANH-HOA 2 4, P-NGHE-AN 2 5, P-HA-TINH 3 6, P-QUANG-TRI-2025 3 7, P-HUE 4 8,
            P-DA-NANG-2025 4 9, P-QUANG-NGAI-2025 4 10, P-GIA-LAI-2025 4 11, P-DAK-LAK-2025 4 12,
            P-LAM-DONG-2025 3 13, P-KHANH-HOA-2025 4 13,
            P-TAY-NINH-2025 1 14, P-DONG-NAI-2025 2 14, P-HO-CHI-MINH-2025 3 14,
            P-AN-GIANG-2025 0 15, P-DONG-THAP-2025 1 15, P-VINH-LONG-2025 2 15,
            P-CA-MAU-2025 0 16, P-CAN-THO-2025 1 16""";

    static final Map<String, int[]> OLD_LAYOUT = parse(OLD);
    static final Map<String, int[]> NEW_LAYOUT = parse(NEW);

    /**
     * The map of the rows' provinces, named in the reader's language (in English the English name, on the tile
     * without "Province" or "City"); {@code hrefOf} links each tile to the province's page.
     */
    static ProvinceMap of(String id, String title, String description, AdoptionFigures.Summary summary,
            java.util.Locale locale, java.util.function.Function<String, String> hrefOf) {
        List<ProvinceRow> rows = summary.provinces();
        boolean merged = rows.stream().anyMatch(r -> NEW_LAYOUT.containsKey(r.province().code())
                && !OLD_LAYOUT.containsKey(r.province().code()));
        Map<String, int[]> layout = merged ? NEW_LAYOUT : OLD_LAYOUT;
        List<Tile> tiles = new ArrayList<>();
        int maxCol = 0;
        int maxRow = 0;
        int spare = 0;
        for (ProvinceRow row : rows) {
            int[] at = layout.get(row.province().code());
            if (at == null) { // a province outside both layouts (never in the reference data): put it below
                at = new int[] {spare++, layoutRows(layout) + 1};
            }
            maxCol = Math.max(maxCol, at[0]);
            maxRow = Math.max(maxRow, at[1]);
            String name = row.province().shortName(locale);
            String[] lines = split(name.replaceFirst(" (Province|City)$", ""));
            tiles.add(new Tile(row.province().code(), name, lines[0], lines[1], at[0] * (TILE + GAP),
                    at[1] * (TILE + GAP), row.level(), row.count(vn.ndp.registry.adoption.AdoptionStatus.IN_USE),
                    row.count(vn.ndp.registry.adoption.AdoptionStatus.DEPLOYING),
                    row.count(vn.ndp.registry.adoption.AdoptionStatus.PLANNED), row.sample(),
                    hrefOf.apply(row.province().code())));
        }
        return new ProvinceMap(id, title, description, (maxCol + 1) * (TILE + GAP), (maxRow + 1) * (TILE + GAP),
                List.copyOf(tiles), summary.levels());
    }

    private static int layoutRows(Map<String, int[]> layout) {
        return layout.values().stream().mapToInt(a -> a[1]).max().orElse(0);
    }

    /** The name on up to two lines of about ten characters each ("Bà Rịa -" / "Vũng Tàu"). */
    static String[] split(String name) {
        if (name.length() <= 10) {
            return new String[] {name, ""};
        }
        String[] words = name.split(" ");
        StringBuilder first = new StringBuilder();
        int i = 0;
        while (i < words.length && (first.isEmpty() || first.length() + 1 + words[i].length() <= 10)) {
            first.append(first.isEmpty() ? "" : " ").append(words[i++]);
        }
        return new String[] {first.toString(), String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length))};
    }

    private static Map<String, int[]> parse(String layout) {
        Map<String, int[]> map = new HashMap<>();
        for (String entry : layout.split(",")) {
            String[] parts = entry.strip().split("\\s+");
            map.put(parts[0], new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[2])});
        }
        return Map.copyOf(map);
    }
}
