package org.mapwork.export.paint;

import java.awt.Font;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Breaks text into lines with the bundled font, once: results are cached by text, face, size, width and line limit.
 * Wrapping depends only on the font and {@link MapFonts#MEASURING}, never on the target, which is what keeps screen
 * and files alike. Not thread-safe: each painter owns one.
 */
public final class TextWrapper {

    private static final String ELLIPSIS = "…";
    private static final int CACHE_SIZE = 50_000;

    private record Key(String text, boolean bold, float size, double maxWidth, int maxLines) {
    }

    /** Reused: creating a line break iterator costs more than wrapping a short label. */
    private final BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);

    private final Map<Key, WrappedText> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, WrappedText> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * The text wrapped to {@code maxWidth} map units, at most {@code maxLines} lines (the last one then ends in "…").
     * Newlines in the text start new lines; control characters are shown as spaces.
     */
    public WrappedText wrap(String text, boolean bold, float size, double maxWidth, int maxLines) {
        Key key = new Key(text, bold, size, maxWidth, Math.max(1, maxLines));
        WrappedText w = cache.get(key);
        if (w == null) {
            w = compute(key);
            cache.put(key, w);
        }
        return w;
    }

    /** One line, not wrapped (headings, legend labels, badges). */
    public WrappedText line(String text, boolean bold, float size) {
        return wrap(text, bold, size, Double.MAX_VALUE, 1);
    }

    /** Advance width of a string in the bundled font. */
    public static double width(String s, boolean bold, float size) {
        return width(MapFonts.font(bold, size), s, 0, s.length());
    }

    /** Characters up to here (Latin, Greek, Cyrillic, Armenian) are laid out one by one, without shaping. */
    private static final int SIMPLE_LIMIT = 0x0590;
    private static final java.util.concurrent.ConcurrentHashMap<Font, float[]> ADVANCES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Width of {@code s[start, end)}. Text in simple scripts is the sum of its characters' advances (Java2D applies no
     * kerning or ligatures unless asked, so this equals what it lays out); other scripts are measured whole, since
     * shaping changes their advances.
     */
    static double width(Font font, String s, int start, int end) {
        if (start >= end) {
            return 0;
        }
        float[] adv = ADVANCES.computeIfAbsent(font, f -> {
            float[] a = new float[SIMPLE_LIMIT];
            java.util.Arrays.fill(a, Float.NaN);
            return a;
        });
        double w = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= SIMPLE_LIMIT || (c >= 0x0300 && c <= 0x036F)) {
                return font.getStringBounds(s, start, end, MapFonts.MEASURING).getWidth();
            }
            float a = adv[c];
            if (Float.isNaN(a)) {
                a = (float) font.getStringBounds(String.valueOf(c), MapFonts.MEASURING).getWidth();
                adv[c] = a;
            }
            w += a;
        }
        return w;
    }

    /** Replaces characters no file format can carry (C0/C1 controls except newline) by spaces. */
    public static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == '\ufffe' || c == '\uffff'
                    || (Character.isSurrogate(c) && !validSurrogateAt(s, i));
            if (bad) {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, c == '\t' || c == '\r' ? ' ' : (Character.isSurrogate(c) ? '\ufffd' : ' '));
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private WrappedText compute(Key k) {
        Font font = MapFonts.font(k.bold(), k.size());
        var metrics = font.getLineMetrics("Hg", MapFonts.MEASURING);
        double lineHeight = Math.ceil(k.size() * 1.25 * 100) / 100;
        double ascent = metrics.getAscent() + (lineHeight - metrics.getAscent() - metrics.getDescent()) / 2;
        String text = printable(k.text());
        List<String> lines = new ArrayList<>();
        boolean truncated = false;
        String[] paragraphs = text.split("\n", -1);
        outer:
        for (String para : paragraphs) {
            if (para.isEmpty()) {
                lines.add("");
                if (lines.size() > k.maxLines()) {
                    truncated = true;
                    break;
                }
                continue;
            }
            breaks.setText(para);
            int lineStart = 0;
            int lastFit = -1;
            int pos = breaks.next();
            while (pos != BreakIterator.DONE) {
                if (width(font, para, lineStart, trimEnd(para, lineStart, pos)) <= k.maxWidth()) {
                    lastFit = pos;
                    pos = breaks.next();
                    continue;
                }
                if (lastFit > lineStart) {
                    lines.add(para.substring(lineStart, trimEnd(para, lineStart, lastFit)));
                    lineStart = lastFit;
                    lastFit = -1;
                } else {
                    // one word wider than the line: break it between characters
                    int cut = fitChars(font, para, lineStart, pos, k.maxWidth());
                    lines.add(para.substring(lineStart, cut));
                    lineStart = cut;
                }
                if (lines.size() > k.maxLines()) {
                    truncated = true;
                    break outer;
                }
            }
            if (lineStart < para.length()) {
                lines.add(para.substring(lineStart, trimEnd(para, lineStart, para.length())));
            }
            if (lines.size() > k.maxLines()) {
                truncated = true;
                break;
            }
        }
        if (lines.size() > k.maxLines()) {
            truncated = true;
            lines = new ArrayList<>(lines.subList(0, k.maxLines()));
        }
        if (truncated) {
            int last = lines.size() - 1;
            String l = lines.get(last);
            while (!l.isEmpty() && width(font, l + ELLIPSIS, 0, l.length() + 1) > k.maxWidth()) {
                l = l.substring(0, l.offsetByCodePoints(l.length(), -1));
            }
            lines.set(last, l.stripTrailing() + ELLIPSIS);
        }
        double[] widths = new double[lines.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(font, lines.get(i), 0, lines.get(i).length());
        }
        return new WrappedText(lines, widths, k.size(), k.bold(), lineHeight, ascent, truncated);
    }

    /** Trailing spaces do not count against the width. */
    private static int trimEnd(String s, int start, int end) {
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The largest end (on a code point boundary, at least one code point) such that start..end fits. */
    private static int fitChars(Font font, String s, int start, int limit, double maxWidth) {
        int end = s.offsetByCodePoints(start, 1);
        while (end < limit) {
            int next = s.offsetByCodePoints(end, 1);
            if (width(font, s, start, next) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }
}
