package org.mapwork.export.paint;

import java.util.List;

/**
 * A text broken into lines for a given width, measured with the bundled font. Every target draws these lines as they
 * are, so a label breaks at the same places on screen and in SVG, PNG and PDF.
 *
 * @param lines      the lines, top to bottom
 * @param widths     each line's advance width in map units
 * @param size       font size in map units
 * @param bold       whether the bold face is used
 * @param lineHeight distance between baselines
 * @param ascent     baseline offset of the first line from the top of the text block
 * @param truncated  whether text was cut off (the last line then ends with an ellipsis)
 */
public record WrappedText(List<String> lines, double[] widths, float size, boolean bold, double lineHeight, double ascent,
                          boolean truncated) {

    public WrappedText {
        lines = List.copyOf(lines);
    }

    /** Height of the whole block. */
    public double height() {
        return lines.size() * lineHeight;
    }

    /** Width of the widest line. */
    public double maxWidth() {
        double m = 0;
        for (double w : widths) {
            m = Math.max(m, w);
        }
        return m;
    }
}
