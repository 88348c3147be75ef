package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;

/** The inks and the thin stroke the painter's parts share, and drawing a {@link WrappedText} as measured. */
final class Ink {

    // shared colours: drawing a frame allocates none
    static final Color INK = new Color(0x1a1a1a);
    static final Color GREY = new Color(0x555555);
    static final Color RULE = new Color(0xc8ccd2);
    static final Color MUTED_INK = new Color(0x4a5360);
    static final Stroke THIN = new BasicStroke(1f);

    private Ink() {
    }

    /** Draws the lines of {@code t} from {@code top}, left-aligned at {@code x} or centred on it. */
    static void text(Graphics2D g, WrappedText t, double x, double top, Color colour, boolean centred) {
        text(g, t, x, top, colour, centred ? 0.5 : 0);
    }

    /** Draws the lines of {@code t}; {@code align} 0 left, 0.5 centred on x, 1 right-aligned at x. */
    static void text(Graphics2D g, WrappedText t, double x, double top, Color colour, double align) {
        g.setFont(MapFonts.font(t.bold(), t.size()));
        g.setColor(colour);
        for (int i = 0; i < t.lines().size(); i++) {
            String line = t.lines().get(i);
            if (line.isEmpty()) {
                continue;
            }
            double lx = x - t.widths()[i] * align;
            g.drawString(line, (float) lx, (float) (top + t.ascent() + i * t.lineHeight()));
        }
    }
}
