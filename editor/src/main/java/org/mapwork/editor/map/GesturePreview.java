package org.mapwork.editor.map;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.mapwork.editor.map.MapViewModel.Aspect;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapSession;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;
import org.mapwork.model.Value;

/**
 * A gesture in progress as the canvas shows it, never in the model until the gesture ends: elements moved, resized
 * or with an attribute changed (a tower raised), map attributes (the ceiling dragged), the rubber band, the link
 * being drawn and the stroke of the pen. Every change tells the listeners {@link Aspect#PREVIEW}.
 */
public final class GesturePreview {

    private final MapSession session;
    private final Consumer<Aspect> changed;

    private final Map<String, Geometry> geometry = new LinkedHashMap<>();
    private final Map<String, Map<String, Value>> attributes = new LinkedHashMap<>();
    private final Map<String, Value> mapAttributes = new LinkedHashMap<>();
    private Rectangle2D rubberBand;
    private String connectFrom;
    private Point connectTo;
    private String connectTarget;
    private List<Point> stroke = List.of();
    private int version;

    // what displayed() and lifted() last worked out, for which document and which version of the preview
    private MapDocument displayed;
    private MapDocument displayedFor;
    private int displayedVersion = -1;
    private Set<String> lifted;
    private MapDocument liftedFor;
    private int liftedVersion = -1;

    GesturePreview(MapSession session, Consumer<Aspect> changed) {
        this.session = session;
        this.changed = changed;
    }

    // ----- showing -----

    /** Shows the given elements moved by (dx, dy) from where they started. */
    public void showMove(Collection<String> ids, Map<String, Geometry> start, double dx, double dy) {
        geometry.clear();
        for (String id : ids) {
            Geometry g = start.get(id);
            if (g != null) {
                geometry.put(id, g.movedBy(dx, dy));
            }
        }
        changed();
    }

    /** Shows one element with another geometry (a resize). */
    public void showGeometry(String id, Geometry g) {
        geometry.clear();
        geometry.put(id, g);
        changed();
    }

    /** Shows one element with one attribute changed (a tower being raised), instead of any such preview before. */
    public void showAttribute(String id, String name, Value value) {
        attributes.clear();
        attributes.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(name, value);
        changed();
    }

    /** Shows the map with one of its own attributes changed (the ceiling being dragged). */
    public void showMapAttribute(String name, Value value) {
        mapAttributes.put(name, value);
        changed();
    }

    public void showRubberBand(Rectangle2D band) {
        rubberBand = band;
        changed.accept(Aspect.PREVIEW);
    }

    public void showConnect(String from, Point to, String target) {
        connectFrom = from;
        connectTo = to;
        connectTarget = target;
        changed.accept(Aspect.PREVIEW);
    }

    public void showStroke(List<Point> points) {
        stroke = List.copyOf(points);
        changed.accept(Aspect.PREVIEW);
    }

    /** Ends every preview (the gesture ended or was cancelled). */
    public void clear() {
        geometry.clear();
        attributes.clear();
        mapAttributes.clear();
        rubberBand = null;
        connectFrom = null;
        connectTo = null;
        connectTarget = null;
        stroke = List.of();
        changed();
    }

    /** A preview of the document's elements or attributes changed: what displayed() built is stale. */
    void changed() {
        version++;
        changed.accept(Aspect.PREVIEW);
    }

    /** The map attributes being previewed (read-only). */
    Map<String, Value> mapAttributes() {
        return java.util.Collections.unmodifiableMap(mapAttributes);
    }

    // ----- reading -----

    public Rectangle2D rubberBand() {
        return rubberBand;
    }

    public String connectFrom() {
        return connectFrom;
    }

    public Point connectTo() {
        return connectTo;
    }

    public String connectTarget() {
        return connectTarget;
    }

    public List<Point> stroke() {
        return stroke;
    }

    /** The value a map attribute is previewed with, or null when it is not. */
    public Value mapAttribute(String name) {
        return mapAttributes.get(name);
    }

    /**
     * The document as the canvas shows it: the model with the preview of the gesture in progress laid over it.
     * Built with the change engine on a copy, so the session's document stays as it is.
     */
    public MapDocument displayed() {
        MapDocument doc = session.document();
        if (geometry.isEmpty() && attributes.isEmpty() && mapAttributes.isEmpty()) {
            return doc;
        }
        if (displayed != null && displayedFor == doc && displayedVersion == version) {
            return displayed;
        }
        List<Change> preview = new ArrayList<>();
        geometry.forEach((id, g) -> {
            if (doc.contains(id)) {
                preview.add(Change.setGeometry(id, g));
            }
        });
        attributes.forEach((id, values) -> {
            if (doc.contains(id)) {
                values.forEach((name, v) -> preview.add(Change.setAttribute(id, name, v)));
            }
        });
        mapAttributes.forEach((name, v) -> preview.add(Change.setMapAttribute(name, v)));
        try {
            displayed = ChangeEngine.apply(doc, session.schema(), ChangeSet.of("preview", preview)).after();
        } catch (ChangeRejected e) {
            displayed = doc;
        }
        displayedFor = doc;
        displayedVersion = version;
        return displayed;
    }

    /**
     * The elements a gesture in progress moves, resizes or raises, with the links attached to them: the canvas draws
     * them from {@link #displayed()} over a picture of the rest of the map, which the gesture leaves alone. Empty when
     * no such gesture runs.
     */
    public Set<String> lifted() {
        if (geometry.isEmpty() && attributes.isEmpty()) {
            return Set.of();
        }
        if (lifted != null && liftedVersion == version && liftedFor == session.document()) {
            return lifted;
        }
        MapDocument doc = session.document();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : geometry.keySet()) {
            addWithLinks(doc, id, ids);
        }
        for (String id : attributes.keySet()) {
            addWithLinks(doc, id, ids);
        }
        lifted = Set.copyOf(ids);
        liftedVersion = version;
        liftedFor = doc;
        return lifted;
    }

    private static void addWithLinks(MapDocument doc, String id, Set<String> out) {
        Element e = doc.element(id);
        if (e == null) {
            return;
        }
        out.add(id);
        if (e.isNode()) {
            for (Element link : doc.linksOf(id)) {
                out.add(link.id());
            }
        }
    }
}
