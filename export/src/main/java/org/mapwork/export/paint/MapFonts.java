package org.mapwork.export.paint;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font every Mapwork drawing uses: DejaVu Sans, bundled in this module's resources (Bitstream Vera licence,
 * see {@code fonts/LICENSE-DejaVu.txt}), so text measures the same on every machine and in every file format.
 */
public final class MapFonts {

    /** The family name the bundled font reports; SVG files name it in {@code font-family}. */
    public static final String FAMILY = "DejaVu Sans";

    /** Text is measured with this context only (antialiased, fractional metrics), whatever the target. */
    public static final FontRenderContext MEASURING = new FontRenderContext(null, true, true);

    static final String REGULAR_RESOURCE = "/org/mapwork/export/fonts/DejaVuSans.ttf";
    static final String BOLD_RESOURCE = "/org/mapwork/export/fonts/DejaVuSans-Bold.ttf";

    private static final Font REGULAR = load(REGULAR_RESOURCE);
    private static final Font BOLD = load(BOLD_RESOURCE);

    private MapFonts() {
    }

    private static final java.util.concurrent.ConcurrentHashMap<Float, Font> REGULAR_SIZES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<Float, Font> BOLD_SIZES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The regular or bold face at a size in map units (fonts are cached: drawing allocates none). The bold face
     * carries the BOLD style flag as well, so SVG says {@code font-weight="bold"}; Java2D does not embolden it twice
     * because the font file itself is bold.
     */
    public static Font font(boolean bold, float size) {
        return (bold ? BOLD_SIZES : REGULAR_SIZES).computeIfAbsent(size, s -> bold ? BOLD.deriveFont(Font.BOLD, s) : REGULAR.deriveFont(s));
    }

    /** The font file's bytes, e.g. to embed it in a PDF. */
    public static InputStream openFontFile(boolean bold) {
        InputStream in = MapFonts.class.getResourceAsStream(bold ? BOLD_RESOURCE : REGULAR_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("bundled font missing from the classpath: " + (bold ? BOLD_RESOURCE : REGULAR_RESOURCE));
        }
        return in;
    }

    /** The PostScript-style font name of a face (what PDF and SVG writers see in {@link Font#getFontName()}). */
    public static String fontName(boolean bold) {
        return (bold ? BOLD : REGULAR).getFontName();
    }

    private static Font load(String resource) {
        try (InputStream in = MapFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing from the classpath: " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font " + resource + " is not a TrueType font", e);
        }
    }
}
