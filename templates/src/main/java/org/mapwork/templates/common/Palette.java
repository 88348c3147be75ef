package org.mapwork.templates.common;

/**
 * Colours that stay apart for people with colour-vision deficiencies: the Okabe–Ito palette for strokes and
 * markers, and light tints of it for node fills (dark text stays readable on them).
 */
public final class Palette {
    public static final String ORANGE = "#E69F00";
    public static final String SKY_BLUE = "#56B4E9";
    public static final String BLUISH_GREEN = "#009E73";
    public static final String YELLOW = "#F0E442";
    public static final String BLUE = "#0072B2";
    public static final String VERMILLION = "#D55E00";
    public static final String REDDISH_PURPLE = "#CC79A7";
    public static final String BLACK = "#000000";
    public static final String GREY = "#6E6E6E";

    public static final String TINT_ORANGE = "#FBE3B0";
    public static final String TINT_SKY_BLUE = "#D4ECF9";
    public static final String TINT_GREEN = "#C6EBDF";
    public static final String TINT_YELLOW = "#FBF7C5";
    public static final String TINT_BLUE = "#BFDCEE";
    public static final String TINT_VERMILLION = "#F5D0B5";
    public static final String TINT_PURPLE = "#F1D9E6";
    public static final String TINT_GREY = "#E6E6E6";
    public static final String WHITE = "#FFFFFF";
    public static final String TEXT = "#1A1A1A";

    private Palette() {
    }
}
