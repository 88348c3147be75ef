package org.mapwork.templates;

import java.util.List;
import java.util.OptionalLong;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * How a method's maps look, as data for the painter (which draws it onto any Java2D target). Colours are
 * {@code #rrggbb}; shapes are names out of {@link org.mapwork.model.Style#SHAPES}. An element's own style overrides
 * what the look says.
 */
public interface Presentation {

    /** The look of a node, from its type and attributes. */
    NodeLook nodeLook(MapDocument doc, Element node);

    /** The look of a link, from its type (including map-defined link types). */
    LinkLook linkLook(MapDocument doc, Element link);

    /** An influence tower height for this node (Net-Map), if it has one; none by default. */
    default OptionalLong tower(Element node) {
        return OptionalLong.empty();
    }

    /** Small badges beside a node, e.g. goal stances (+ for, − against). Never colour alone: a badge has text. */
    default List<Badge> badges(MapDocument doc, Element node) {
        return List.of();
    }

    /** What is drawn behind the elements: heading, ceiling of accountability, lanes, quadrants, fishbone spine. */
    default List<Backdrop> backdrops(MapDocument doc) {
        return List.of();
    }

    /** The legend: the types, link types and pictograms used in this map. */
    List<LegendEntry> legend(MapDocument doc);
}
