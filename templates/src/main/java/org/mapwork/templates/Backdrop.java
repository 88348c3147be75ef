package org.mapwork.templates;

import java.util.List;

/** Something drawn behind a map's elements. Coordinates are map coordinates. */
public sealed interface Backdrop {

    /** The map's heading, e.g. a Net-Map's framing question, drawn above the map. */
    record Heading(String text) implements Backdrop {
    }

    /** A horizontal line across the map, e.g. the theory of change's ceiling of accountability. */
    record HorizontalLine(double y, String label, String colour) implements Backdrop {
    }

    /** Swim lanes (action plan by status or owner). */
    record Lanes(List<Lane> lanes) implements Backdrop {
        public Lanes {
            lanes = List.copyOf(lanes);
        }
    }

    /** One lane: a labelled rectangle. */
    record Lane(String label, double x, double y, double width, double height, String fill) {
    }

    /** A 2×2 grid with labelled quadrants and axes (power/interest). */
    record Quadrants(double x, double y, double width, double height, String topLeft, String topRight,
                     String bottomLeft, String bottomRight, String xAxis, String yAxis) implements Backdrop {
    }

    /** A line such as the fishbone's spine, optionally with an arrowhead at its end. */
    record Line(double x1, double y1, double x2, double y2, String colour, double width, boolean arrow) implements Backdrop {
    }
}
