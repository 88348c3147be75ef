package org.mapwork.export.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.mapwork.export.paint.TextWrapper;
import org.mapwork.export.paint.WrappedText;

/**
 * A draw.io shape as the import sees it: where it lies (in page coordinates), its text, and its style read as
 * key/value pairs ({@code "text;fontSize=8"} gives {@code text=""} and {@code fontSize=8}).
 *
 * @param id    the draw.io cell id
 * @param label the shape's text, HTML turned into plain lines
 */
record DrawioShape(String id, String label, double x, double y, double width, double height, Map<String, String> style) {

    /** How far (map units) a loose connector end may lie from a shape and still count as touching it. */
    static final double NEAR = 6;

    double centerX() {
        return x + width / 2;
    }

    double centerY() {
        return y + height / 2;
    }

    double area() {
        return width * height;
    }

    /** A text cell (draw.io's "Text" shape, or one drawn with neither fill nor outline): a label, not a box. */
    boolean isText() {
        return style.containsKey("text") || ("none".equals(style.get("strokeColor")) && "none".equals(style.get("fillColor")));
    }

    /** A shape drawn as an arrow (draw.io's arrow shapes: {@code shape=mxgraph.arrows2.arrow}, {@code singleArrow}, ...). */
    boolean isArrowShape() {
        String shape = style.getOrDefault("shape", "");
        return shape.toLowerCase(java.util.Locale.ROOT).contains("arrow");
    }

    /**
     * The line an arrow shape draws, tail then head (relative to its parent): along its direction ({@code east}
     * unless the style says {@code north}, {@code south} or {@code west}), turned by its {@code rotation} (degrees,
     * clockwise on the page) about its centre.
     */
    double[][] axis() {
        String dir = style.getOrDefault("direction", "east");
        double hw = width / 2, hh = height / 2;
        double[] tail, head;
        switch (dir) {
            case "north" -> { tail = new double[] {0, hh}; head = new double[] {0, -hh}; }
            case "south" -> { tail = new double[] {0, -hh}; head = new double[] {0, hh}; }
            case "west" -> { tail = new double[] {hw, 0}; head = new double[] {-hw, 0}; }
            default -> { tail = new double[] {-hw, 0}; head = new double[] {hw, 0}; }
        }
        double a = Math.toRadians(number("rotation", 0)), cos = Math.cos(a), sin = Math.sin(a);
        return new double[][] {
                {centerX() + tail[0] * cos - tail[1] * sin, centerY() + tail[0] * sin + tail[1] * cos},
                {centerX() + head[0] * cos - head[1] * sin, centerY() + head[0] * sin + head[1] * cos}};
    }

    double fontSize() {
        return number("fontSize", 12);
    }

    double strokeWidth() {
        return number("strokeWidth", 1);
    }

    double number(String key, double otherwise) {
        try {
            return style.containsKey(key) ? Double.parseDouble(style.get(key)) : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Whether (px, py) lies on or within {@link #NEAR} of the shape. */
    boolean touches(double px, double py) {
        return px >= x - NEAR && px <= x + width + NEAR && py >= y - NEAR && py <= y + height + NEAR;
    }

    /** The shape's nearest touching shape at a point: the smallest one, so a box inside a frame wins. */
    static DrawioShape at(List<DrawioShape> shapes, double px, double py) {
        DrawioShape best = null;
        for (DrawioShape s : shapes) {
            if (s.touches(px, py) && (best == null || s.area() < best.area())) {
                best = s;
            }
        }
        return best;
    }

    /** Where a line from the centre towards (px, py) leaves the shape. */
    double[] border(double px, double py) {
        double dx = px - centerX(), dy = py - centerY();
        if (dx == 0 && dy == 0) {
            return new double[] {centerX(), centerY()};
        }
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : width / 2 / Math.abs(dx), dy == 0 ? Double.MAX_VALUE : height / 2 / Math.abs(dy));
        t = Math.min(t, 1);
        return new double[] {centerX() + t * dx, centerY() + t * dy};
    }

    /** A draw.io style string as key/value pairs; a bare name ({@code text}, {@code ellipse}) maps to "". */
    static Map<String, String> style(String style) {
        Map<String, String> out = new HashMap<>();
        if (style == null) {
            return out;
        }
        for (String part : style.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                out.put(p, "");
            } else {
                out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /**
     * A label's text. With {@code html=1} the label is HTML: parsed as such (jsoup), line breaks and block elements
     * become new lines, entities become characters, runs of spaces (also non-breaking ones) one space.
     */
    static String text(String value, Map<String, String> style) {
        if (value == null) {
            return "";
        }
        if (!"1".equals(style.get("html"))) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        Jsoup.parseBodyFragment(value).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText());
                } else if (node instanceof org.jsoup.nodes.Element e && depth > 0
                        && (e.normalName().equals("br") || (e.isBlock() && out.length() > 0))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.Element e && depth > 0 && e.isBlock() && !e.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        });
        StringBuilder lines = new StringBuilder();
        for (String line : out.toString().replace('\u00a0', ' ').split("\n")) {
            String l = line.replaceAll("[ \\t\\r]+", " ").strip();
            if (!l.isEmpty()) {
                lines.append(lines.length() == 0 ? "" : "\n").append(l);
            }
        }
        return lines.toString();
    }

    /**
     * The size a node needs so that Mapwork's painter shows its whole label at its usual size (12, the size it tries
     * first; with the padding it uses and a row for the type name): wider first, up to 240, then taller. Never smaller
     * than drawn.
     */
    static double[] fitted(String label, double width, double height) {
        double w = Math.max(width, 40), h = Math.max(height, 30);
        if (label.isEmpty()) {
            return new double[] {w, h};
        }
        TextWrapper wrapper = new TextWrapper();
        // a word wider than the box would be broken inside itself: the box is at least as wide as the widest word
        double widestWord = 0;
        for (String word : label.split("\\s+")) {
            widestWord = Math.max(widestWord, TextWrapper.width(word, false, 12f));
        }
        for (int i = 0; i < 200; i++) {
            double pad = Math.max(2, Math.min(6, h * 0.08));
            double area = w - 2 * pad - 4;
            int lines = (int) Math.floor((h - 2 * pad - 12) / 15.0);
            WrappedText t = lines < 1 ? null : wrapper.wrap(label, false, 12f, area, lines);
            if (t != null && !t.truncated() && (widestWord <= area || w >= 240)) {
                break;
            }
            if (w < 240 && (widestWord > area || (t != null && TextWrapper.width(longestLine(label), false, 12f) > area))) {
                w = Math.min(240, w + 20);
            } else {
                h += 15;
            }
        }
        return new double[] {w, h};
    }

    /** Largest enlargement of a whole picture, so that a page of tiny text does not become a poster. */
    static final double MAX_SCALE = 3;

    /**
     * How much a whole picture is enlarged so that its labels fit at Mapwork's text size without the boxes growing
     * into one another: the most any labelled shape needs (in its tighter direction), between 1 and {@link #MAX_SCALE}.
     */
    static double scale(List<DrawioShape> shapes) {
        double k = 1;
        for (DrawioShape s : shapes) {
            if (s.label().isBlank() || s.width() <= 0 || s.height() <= 0) {
                continue;
            }
            double[] need = fitted(s.label(), s.width(), s.height());
            k = Math.max(k, Math.max(need[0] / s.width(), need[1] / s.height()));
        }
        return Math.min(k, MAX_SCALE);
    }

    private static String longestLine(String label) {
        String best = "";
        for (String l : label.split("\n")) {
            if (l.length() > best.length()) {
                best = l;
            }
        }
        return best;
    }
}
