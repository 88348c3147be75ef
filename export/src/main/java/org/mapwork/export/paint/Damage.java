package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Where a drawing changed between two states of a map: areas in map units whose pixels may differ, or the whole
 * drawing. A picture kept from before (the editor's tiles) needs repainting only where the damage reaches.
 *
 * @param everything the whole drawing may differ; {@code areas} is then empty
 * @param areas      the areas that may differ (drawn bounds of the elements concerned, before and after)
 */
public record Damage(boolean everything, List<Rectangle2D> areas) {

    /** More separate areas than this are treated as everything: repainting all is then cheaper than testing each. */
    static final int MAX_AREAS = 4096;

    public static final Damage NONE = new Damage(false, List.of());
    public static final Damage EVERYTHING = new Damage(true, List.of());

    public Damage {
        areas = List.copyOf(areas);
        if (everything && !areas.isEmpty()) {
            throw new IllegalArgumentException("a damage of everything lists no areas");
        }
    }

    public static Damage of(List<Rectangle2D> areas) {
        return areas.isEmpty() ? NONE : new Damage(false, areas);
    }

    public boolean isNone() {
        return !everything && areas.isEmpty();
    }

    /** This damage and {@code other} together. */
    public Damage plus(Damage other) {
        if (everything || other.everything) {
            return EVERYTHING;
        }
        if (other.areas.isEmpty()) {
            return this;
        }
        if (areas.isEmpty()) {
            return other;
        }
        List<Rectangle2D> all = new java.util.ArrayList<>(areas.size() + other.areas.size());
        all.addAll(areas);
        all.addAll(other.areas);
        return all.size() > MAX_AREAS ? EVERYTHING : new Damage(false, all);
    }
}
