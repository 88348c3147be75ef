package org.mapwork.templates;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rich picture's pictograms as SVG path data in a 24×24 box, so they export as crisp vectors.
 * (Filled in by the templates work; the painter parses the path data.)
 */
public final class Pictograms {

    private static final Map<String, String> PATHS = Map.of();

    private Pictograms() {
    }

    public static Set<String> names() {
        return PATHS.keySet();
    }

    /** SVG path data ({@code d} attribute) of a pictogram in a 24×24 box. */
    public static Optional<String> svgPath(String name) {
        return Optional.ofNullable(PATHS.get(name));
    }
}
