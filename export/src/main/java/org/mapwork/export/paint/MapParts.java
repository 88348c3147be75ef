package org.mapwork.export.paint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mapwork.templates.Backdrop;

/**
 * The names of a map's own parts, as {@link MapPainter#paintParts} announces them beside the element ids. Every name
 * begins with {@value #PREFIX}, which no element id may begin with ({@link org.mapwork.model.Ids}), so a part's name
 * and an element's id never meet.
 *
 * <p>In drawing order: {@link #BACKGROUND}, the backdrops ({@code ~lanes}, {@code ~quadrants}, {@code ~ceiling} for a
 * horizontal line across the content such as the theory of change's ceiling of accountability, {@code ~line} for a
 * line such as the fishbone's spine; a second backdrop of the same kind is {@code ~line.2}, and so on), then
 * {@link #HEADING}, the elements, {@link #TITLE} and {@link #LEGEND}.
 */
public final class MapParts {

    public static final String PREFIX = "~";
    /** The background filled behind the whole drawing (when the options have one). */
    public static final String BACKGROUND = "~background";
    /** The map's heading above the content (a Net-Map's framing question). */
    public static final String HEADING = "~heading";
    /** The title block: the map's title, method, date and team. */
    public static final String TITLE = "~title";
    /** The legend right of the content. */
    public static final String LEGEND = "~legend";

    private MapParts() {
    }

    /** Whether {@code key} names one of a map's own parts rather than an element. */
    public static boolean isMapPart(String key) {
        return key.startsWith(PREFIX);
    }

    /**
     * The names of the backdrops in the method's order, one per backdrop ({@code null} for a heading, which is drawn
     * as {@link #HEADING} with the title block's layout).
     */
    static List<String> backdropKeys(List<Backdrop> backdrops) {
        List<String> keys = new ArrayList<>(backdrops.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Backdrop b : backdrops) {
            String kind = b instanceof Backdrop.Lanes ? "~lanes" : b instanceof Backdrop.Quadrants ? "~quadrants"
                    : b instanceof Backdrop.HorizontalLine ? "~ceiling" : b instanceof Backdrop.Line ? "~line" : null;
            if (kind == null) {
                keys.add(null);
                continue;
            }
            int n = seen.merge(kind, 1, Integer::sum);
            keys.add(n == 1 ? kind : kind + "." + n);
        }
        return keys;
    }
}
