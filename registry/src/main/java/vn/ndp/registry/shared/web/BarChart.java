package vn.ndp.registry.shared.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a horizontal bar chart drawn as inline SVG by the
 * {@code fragments/chart} template: each row has its label above the bar, so
 * long Vietnamese names stay readable on a phone. Text is escaped by the
 * template; this class only computes positions.
 *
 * @param id unique in the page, for {@code aria-labelledby}
 * @param scale the value that fills the whole bar width (to compare charts side by side)
 */
public record BarChart(String id, String title, String description, long scale, List<Bar> bars) {

    public static final int WIDTH = 400;
    static final int ROW = 52;
    static final int LABEL_Y = 18;
    static final int BAR_Y = 26;
    static final int BAR_HEIGHT = 18;
    /** The least room right of the longest bar for its value. */
    static final int VALUE_SPACE = 44;
    /** The width of one character of a value (16px bold digits and separators), with some to spare. */
    static final int VALUE_CHARACTER = 10;
    static final int MAX_LABEL = 46;

    /**
     * One value to draw; {@code href} (may be null) links the row to its detail; {@code lang}, the label's language
     * where it is not the page's ("vi" for a Vietnamese name on an English page), else null.
     */
    public record Datum(String label, String lang, long value, String href) {
    }

    public record Bar(String label, String lang, String shortLabel, long value, String href, int labelY, int barY,
            int barWidth, int valueX, int valueY) {
    }

    public static BarChart of(String id, String title, String description, List<Datum> data) {
        return of(id, title, description, data, data.stream().mapToLong(Datum::value).max().orElse(0));
    }

    public static BarChart of(String id, String title, String description, List<Datum> data, long scale) {
        long max = Math.max(1, scale);
        int room = WIDTH - valueSpace(max);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Datum d = data.get(i);
            int top = i * ROW;
            int width = d.value() <= 0 ? 0 : (int) Math.max(2, Math.round((double) room * d.value() / max));
            bars.add(new Bar(d.label(), d.lang(), shorten(d.label()), d.value(), d.href(), top + LABEL_Y,
                    top + BAR_Y, width, width + 6, top + BAR_Y + BAR_HEIGHT - 4));
        }
        return new BarChart(id, title, description, max, List.copyOf(bars));
    }

    /**
     * Room right of a bar as long as the scale for its value written out with group separators (12.349), so that no
     * value is cut off; the same for charts that share a scale.
     */
    static int valueSpace(long scale) {
        int digits = Long.toString(scale).length();
        int characters = digits + (digits - 1) / 3;
        return Math.max(VALUE_SPACE, characters * VALUE_CHARACTER + 6);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return Math.max(ROW, bars.size() * ROW);
    }

    public int barHeight() {
        return BAR_HEIGHT;
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    static String shorten(String label) {
        if (label == null) {
            return "";
        }
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1).strip() + "…";
    }
}
