package vn.ndp.registry.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Sans (SIL OFL; full Vietnamese coverage) embedded in a PDF, and
 * text made safe to draw with it: control characters become spaces, glyphs the
 * font lacks become '?', lines are wrapped to a width. Text is drawn only
 * through {@link #draw} and {@link #drawCentred}, so none reaches a page unsafe.
 */
public final class PdfFonts {

    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new IdentityHashMap<>();

    private PdfFonts(PDType0Font regular, PDType0Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Subsets of the regular and bold faces, embedded in {@code document}. */
    public static PdfFonts liberationSans(PDDocument document) throws IOException {
        return new PdfFonts(load(document, "/liberation/LiberationSans-Regular.ttf"),
                load(document, "/liberation/LiberationSans-Bold.ttf"));
    }

    public PDType0Font regular() {
        return regular;
    }

    public PDType0Font bold() {
        return bold;
    }

    private static PDType0Font load(PDDocument document, String resource) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    public static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The width of the text as {@link #draw} draws it (made safe). */
    public float measure(PDType0Font font, float size, String text) throws IOException {
        return width(font, size, safe(font, text));
    }

    /** Draws the text, made safe, with its baseline starting at ({@code x}, {@code baseline}). */
    public void draw(PDPageContentStream content, PDType0Font font, float size, float x, float baseline, String text)
            throws IOException {
        show(content, font, size, x, baseline, safe(font, text));
    }

    /** Draws the text, made safe, centred on {@code centreX}. */
    public void drawCentred(PDPageContentStream content, PDType0Font font, float size, float centreX, float baseline,
            String text) throws IOException {
        String safe = safe(font, text);
        show(content, font, size, centreX - width(font, size, safe) / 2, baseline, safe);
    }

    private static void show(PDPageContentStream content, PDType0Font font, float size, float x, float baseline,
            String safe) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(safe);
        content.endText();
    }

    /** Control characters become spaces; characters the font cannot draw become '?'. */
    private String safe(PDType0Font font, String text) {
        if (text == null) {
            return "";
        }
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (known.computeIfAbsent(cp, c -> drawable(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /**
     * Words wrapped to the width; a word longer than the width is broken after its last hyphen or slash that fits
     * ("HT-THEO-DOI-" / "NHIEM-VU", "2765/" / "BTTTT-CĐSQG"), and only where it has none, between two letters.
     */
    public List<String> wrap(PDType0Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(font, text).split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(font, size, word) > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, size, word.substring(0, cut)) > width) {
                    cut--;
                }
                int joint = Math.max(word.lastIndexOf('-', cut - 1), word.lastIndexOf('/', cut - 1));
                if (joint > 0) {
                    cut = joint + 1;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean drawable(PDType0Font font, int codePoint) {
        try {
            return font.encode(new String(Character.toChars(codePoint))).length > 0;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
