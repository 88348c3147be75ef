package org.mapwork.editor.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.mapwork.editor.map.MapViewModel.Aspect;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * The elements selected in a map window, in the order they were chosen (the first is the anchor for align and the
 * source when two nodes are linked). Every change tells the window's listeners {@link Aspect#SELECTION}.
 */
public final class Selection implements Iterable<String> {

    private final Set<String> ids = new LinkedHashSet<>();
    private final Supplier<MapDocument> document;
    private final Consumer<Aspect> changed;

    Selection(Supplier<MapDocument> document, Consumer<Aspect> changed) {
        this.document = document;
        this.changed = changed;
    }

    /** The selected ids (a copy). */
    public Set<String> ids() {
        return Set.copyOf(ids);
    }

    /** The selection in the order it was made (the first is the "anchor" for align). */
    public List<String> inOrder() {
        return List.copyOf(ids);
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    public int size() {
        return ids.size();
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The selected ids in the order they were chosen; iterate a copy ({@link #inOrder()}) to change it meanwhile. */
    @Override
    public Iterator<String> iterator() {
        return java.util.Collections.unmodifiableSet(ids).iterator();
    }

    public void select(Collection<String> chosen) {
        ids.clear();
        ids.addAll(chosen);
        changed.accept(Aspect.SELECTION);
    }

    public void add(Collection<String> chosen) {
        ids.addAll(chosen);
        changed.accept(Aspect.SELECTION);
    }

    public void toggle(String id) {
        if (!ids.remove(id)) {
            ids.add(id);
        }
        changed.accept(Aspect.SELECTION);
    }

    public void clear() {
        if (!ids.isEmpty()) {
            ids.clear();
            changed.accept(Aspect.SELECTION);
        }
    }

    public void selectAll() {
        select(document.get().elements().stream().map(Element::id).toList());
    }

    /**
     * Tab and Shift+Tab on the canvas: selects the next (or previous) element in reading order, nodes and
     * annotations top to bottom and left to right (rows 40 units high), then the links. From nothing, the first
     * (or last). Returns false past either end, selecting nothing new, so that the key can move the focus on.
     */
    public boolean step(boolean forward) {
        List<Element> order = readingOrder(document.get());
        if (order.isEmpty()) {
            return false;
        }
        int at = -1;
        if (ids.size() == 1) {
            String one = ids.iterator().next();
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).id().equals(one)) {
                    at = i;
                }
            }
        }
        int next = at < 0 ? (forward ? 0 : order.size() - 1) : at + (forward ? 1 : -1);
        if (next < 0 || next >= order.size()) {
            return false;
        }
        select(List.of(order.get(next).id()));
        return true;
    }

    private static List<Element> readingOrder(MapDocument doc) {
        List<Element> boxes = new ArrayList<>(doc.elements().stream().filter(e -> !e.isLink()).toList());
        boxes.sort(Comparator.comparingLong((Element e) -> Math.round(Math.floor(e.geometry().y() / 40)))
                .thenComparingDouble(e -> e.geometry().x()).thenComparing(Element::id));
        List<Element> links = new ArrayList<>(doc.elements().stream().filter(Element::isLink).toList());
        links.sort(Comparator.comparing(Element::order).thenComparing(Element::id));
        boxes.addAll(links);
        return boxes;
    }

    /** The selected nodes and annotations that still exist (links have no box of their own). */
    public List<Element> boxes() {
        MapDocument doc = document.get();
        List<Element> out = new ArrayList<>();
        for (String id : ids) {
            Element e = doc.element(id);
            if (e != null && !e.isLink()) {
                out.add(e);
            }
        }
        return out;
    }

    /** The selected elements that still exist, back to front. */
    List<Element> inDrawOrder(MapDocument doc) {
        List<Element> out = new ArrayList<>();
        for (String id : ids) {
            if (doc.contains(id)) {
                out.add(doc.element(id));
            }
        }
        out.sort(Comparator.comparing(Element::order).thenComparing(Element::id));
        return out;
    }

    /** Forgets what the document no longer holds, without telling anyone; returns whether anything was forgotten. */
    boolean forgetMissing(MapDocument doc) {
        return ids.removeIf(id -> !doc.contains(id));
    }
}
