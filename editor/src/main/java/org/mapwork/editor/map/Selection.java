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
