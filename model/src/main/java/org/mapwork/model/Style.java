package org.mapwork.model;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Per-element overrides of the method's look. {@code null} fields mean "as the type says".
 *
 * @param colour a fill (nodes) or stroke (links, strokes) colour as {@code #rrggbb}
 * @param shape  one of {@link #SHAPES}
 */
public record Style(String colour, String shape) {

    public static final Style DEFAULT = new Style(null, null);
    public static final Set<String> SHAPES = Set.of("rectangle", "rounded", "ellipse", "diamond", "hexagon", "note", "circle", "cloud");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** Why this style is not acceptable, or {@code null} when it is. */
    public String problem() {
        if (colour != null && !COLOUR.matcher(colour).matches()) {
            return "expected a colour like #1f77b4, got \"" + colour + '"';
        }
        if (shape != null && !SHAPES.contains(shape)) {
            return "expected a shape out of " + new java.util.TreeSet<>(SHAPES) + ", got \"" + shape + '"';
        }
        return null;
    }

    public static boolean isColour(String s) {
        return s != null && COLOUR.matcher(s).matches();
    }
}
