package org.mapwork.export.format;

import java.awt.Color;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

import org.mapwork.export.paint.TextWrapper;

/**
 * How values are spelt in Mapwork's SVG files: numbers with at most three decimals, colours as SVG names or
 * {@code rgb(r,g,b)}, text escaped. The spelling is the one the files had when Batik wrote them (a number is an
 * integer when it is one, otherwise rounded half-even to three decimals), so files stay comparable across versions.
 */
final class SvgMarkup {

    /** The sixteen colours SVG names, spelt by name (as the files always had them). */
    private static final Map<Integer, String> NAMED = Map.ofEntries(
            Map.entry(0x000000, "black"), Map.entry(0xc0c0c0, "silver"), Map.entry(0x808080, "gray"),
            Map.entry(0xffffff, "white"), Map.entry(0x800000, "maroon"), Map.entry(0xff0000, "red"),
            Map.entry(0x800080, "purple"), Map.entry(0xff00ff, "fuchsia"), Map.entry(0x008000, "green"),
            Map.entry(0x00ff00, "lime"), Map.entry(0x808000, "olive"), Map.entry(0xffff00, "yellow"),
            Map.entry(0x000080, "navy"), Map.entry(0x0000ff, "blue"), Map.entry(0x008080, "teal"),
            Map.entry(0x00ffff, "aqua"));

    /** Used only for values within a rounding error of a tie, where the fast path could round the other way. */
    private final DecimalFormat exact = new DecimalFormat("#.###", DecimalFormatSymbols.getInstance(Locale.US));

    SvgMarkup() {
        exact.setRoundingMode(RoundingMode.HALF_EVEN);
    }

    /** Appends {@code v}: an integer as an integer, anything else rounded to three decimals, trailing zeros left out. */
    void number(StringBuilder out, double v) {
        if (Math.abs(v) >= 1e8 || (int) v == v) {
            out.append((int) v);
            return;
        }
        double scaled = v * 1000;
        double frac = Math.abs(scaled - Math.floor(scaled));
        if (Math.abs(frac - 0.5) < 1e-6 || Double.isNaN(v)) {
            // a tie, or as good as one: let the exact decimal expansion decide
            out.append(exact.format(v));
            return;
        }
        long thousandths = Math.round(scaled);
        if (thousandths < 0 || (thousandths == 0 && v < 0)) {
            out.append('-');
            thousandths = -thousandths;
        }
        out.append(thousandths / 1000);
        int decimals = (int) (thousandths % 1000);
        if (decimals != 0) {
            out.append('.');
            if (decimals < 100) {
                out.append('0');
            }
            if (decimals < 10) {
                out.append('0');
            }
            while (decimals % 10 == 0) {
                decimals /= 10;
            }
            out.append(decimals);
        }
    }

    /** Appends the colour without its alpha: a name for the sixteen SVG names, {@code rgb(r,g,b)} otherwise. */
    static void colour(StringBuilder out, Color c) {
        String name = c.getAlpha() == 255 ? NAMED.get(c.getRGB() & 0xffffff) : null;
        if (name != null) {
            out.append(name);
        } else {
            out.append("rgb(").append(c.getRed()).append(',').append(c.getGreen()).append(',').append(c.getBlue()).append(')');
        }
    }

    /**
     * Appends {@code s} as XML character data: {@code & < >} escaped, and characters XML cannot carry replaced as
     * {@link TextWrapper#printable} replaces them, so no label can end the element it is in or break the file.
     */
    static void text(StringBuilder out, String s) {
        escaped(out, s, false);
    }

    /** Appends {@code s} as the value of an attribute in double quotes: as {@link #text}, and {@code "} escaped too. */
    static void attribute(StringBuilder out, String s) {
        escaped(out, s, true);
    }

    private static void escaped(StringBuilder out, String s, boolean quote) {
        String p = TextWrapper.printable(s);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(quote ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
