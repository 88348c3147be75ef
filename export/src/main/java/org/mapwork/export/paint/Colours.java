package org.mapwork.export.paint;

import java.awt.Color;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.mapwork.model.Style;

/** Turns the model's {@code #rrggbb} colours into AWT colours, and holds the default colour-blind-safe palette. */
public final class Colours {

    /** Okabe–Ito: eight colours told apart by people with the common colour-vision deficiencies. */
    public static final List<String> OKABE_ITO = List.of(
            "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000");

    private static final ConcurrentHashMap<String, Color> CACHE = new ConcurrentHashMap<>();

    private Colours() {
    }

    /** The colour, or {@code fallback} when {@code hex} is not a {@code #rrggbb} colour. */
    public static Color parse(String hex, Color fallback) {
        if (!Style.isColour(hex)) {
            return fallback;
        }
        return CACHE.computeIfAbsent(hex, h -> new Color(Integer.parseInt(h.substring(1), 16)));
    }

    /** Black or white, whichever reads better on the given background. */
    public static Color textOn(Color background) {
        double l = 0.2126 * lin(background.getRed()) + 0.7152 * lin(background.getGreen()) + 0.0722 * lin(background.getBlue());
        return l > 0.22 ? new Color(0x1a1a1a) : Color.WHITE;
    }

    /** A light tint of a colour, for fills behind dark text. */
    public static Color tint(Color c, double amount) {
        return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * amount),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * amount),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * amount));
    }

    /** The colour with another alpha. */
    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static double lin(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
