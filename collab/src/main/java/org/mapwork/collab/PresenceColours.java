package org.mapwork.collab;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Each person's colour on a shared map, the same on every device and in every client (docs/protocol.md, "Colours"):
 * the colour-blind-safe Okabe–Ito palette without its yellow (which does not read on white), picked by the 32-bit
 * FNV-1a hash of the actor id's UTF-8 bytes, modulo the palette's size. Nothing about colours travels on the wire.
 */
public final class PresenceColours {

    /**
     * Okabe–Ito, in this order: vermillion, blue, bluish green, reddish purple, orange, sky blue, black. The order is
     * part of the protocol (a browser client picks by the same index).
     */
    public static final List<String> PALETTE = List.of(
            "#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

    private PresenceColours() {
    }

    /** The colour of {@code actor}, as {@code #RRGGBB}. */
    public static String of(String actor) {
        return PALETTE.get(index(actor));
    }

    /** Its place in {@link #PALETTE}. */
    public static int index(String actor) {
        return (int) (Integer.toUnsignedLong(fnv1a(actor.getBytes(StandardCharsets.UTF_8))) % PALETTE.size());
    }

    /** FNV-1a, 32 bits: start at 0x811C9DC5; for each byte, xor it in, then multiply by 16777619 (mod 2^32). */
    static int fnv1a(byte[] bytes) {
        int h = 0x811C9DC5;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 16777619;
        }
        return h;
    }

    /**
     * The text colour that reads best on {@code colour} (a person's name in a pill of their colour): black or white,
     * whichever has the higher WCAG contrast with it.
     */
    public static String textOn(String colour) {
        double l = luminance(colour);
        double onWhite = (1.05) / (l + 0.05);
        double onBlack = (l + 0.05) / 0.05;
        return onBlack >= onWhite ? "#000000" : "#FFFFFF";
    }

    /** WCAG relative luminance of {@code #RRGGBB}. */
    static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xFF) + 0.7152 * channel(rgb >> 8 & 0xFF) + 0.0722 * channel(rgb & 0xFF);
    }

    private static double channel(int v) {
        double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
