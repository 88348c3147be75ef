package org.mapwork.collab;

import java.util.List;
import java.util.Objects;

/**
 * What one person is doing on a shared map right now (docs/protocol.md, presence): where their pointer is on the map
 * (in map units, or {@code null} when it is off the canvas), what they have selected (element ids, at most
 * {@link #MAX_SELECTION}) and the element whose label they are editing ({@code null} for none). Relayed by the hub
 * to the map's other devices, never stored.
 */
public record PresenceState(Cursor cursor, List<String> selection, String editing) {

    /** Most selected ids one presence carries (a larger selection is sent as its first ones). */
    public static final int MAX_SELECTION = 100;
    /** Largest coordinate a cursor may have, either way from 0 (far beyond any map). */
    public static final double MAX_COORDINATE = 1e9;

    /** Nothing: pointer off the canvas, nothing selected, no label being edited. */
    public static final PresenceState NONE = new PresenceState(null, List.of(), null);

    /** A point on the map, in map units. */
    public record Cursor(double x, double y) {
        public Cursor {
            if (!Double.isFinite(x) || !Double.isFinite(y) || Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) {
                throw new IllegalArgumentException("a cursor has finite coordinates within ±" + MAX_COORDINATE + ": " + x + ", " + y);
            }
        }
    }

    public PresenceState {
        selection = List.copyOf(Objects.requireNonNull(selection, "selection"));
        if (selection.size() > MAX_SELECTION) {
            throw new IllegalArgumentException("at most " + MAX_SELECTION + " selected ids, got " + selection.size());
        }
    }

    /**
     * A state for sending: a selection longer than {@link #MAX_SELECTION} is cut to its first ones, and a cursor
     * outside the allowed range is left out.
     */
    public static PresenceState of(Double x, Double y, List<String> selection, String editing) {
        Cursor c = null;
        if (x != null && y != null && Double.isFinite(x) && Double.isFinite(y)
                && Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE) {
            c = new Cursor(x, y);
        }
        List<String> sel = selection.size() > MAX_SELECTION ? selection.subList(0, MAX_SELECTION) : selection;
        return new PresenceState(c, sel, editing);
    }

    public PresenceState withCursor(Cursor c) {
        return new PresenceState(c, selection, editing);
    }

    public PresenceState withSelection(List<String> ids) {
        return of(cursor == null ? null : cursor.x(), cursor == null ? null : cursor.y(), ids, editing);
    }

    public PresenceState withEditing(String id) {
        return new PresenceState(cursor, selection, id);
    }

    public boolean isEmpty() {
        return cursor == null && selection.isEmpty() && editing == null;
    }
}
