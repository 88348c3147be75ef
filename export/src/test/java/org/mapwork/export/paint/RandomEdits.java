package org.mapwork.export.paint;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.templates.MethodTemplate;

/**
 * Random edits of a map of any method, for tests that hold an incremental drawing to a fresh one (the painter's
 * patched scene, the SVG scene's updates): copies, new links and bundles, removals, moves, relabels, retypes.
 */
public final class RandomEdits {

    /** Kinds of edit {@link #apply} knows; all but {@link #SET_TYPE} are patched in place by the painter. */
    public static final int KINDS = 12;
    public static final int SET_TYPE = 10;

    private RandomEdits() {
    }

    /** One random edit: what kind, and numbers to pick elements, a place and an order. */
    public record Edit(int kind, int pick, int other, int amount) {
    }

    /** One to six random edits. */
    public static Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, KINDS - 1), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(-300, 300))
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(6);
    }

    /** The edit on {@code doc}; one the method refuses leaves the map as it is. */
    public static MapDocument apply(MapDocument doc, MethodTemplate method, Edit edit, int serial) {
        List<Element> all = List.copyOf(doc.elements());
        List<Element> nodes = doc.nodes().toList();
        List<Element> links = doc.links().toList();
        if (all.isEmpty() || nodes.isEmpty()) {
            return doc;
        }
        List<Change> changes = new ArrayList<>();
        Element any = all.get(edit.pick() % all.size());
        String front = doc.frontOrderKey();
        switch (edit.kind()) {
            case 0 -> {
                // a copy of a node somewhere, at the front or at the back
                Element node = nodes.get(edit.pick() % nodes.size());
                String order = edit.amount() > 0 ? OrderKey.after(front) : OrderKey.before(doc.backOrderKey());
                changes.add(Change.add(node.withId("copy-" + serial).withGeometry(node.geometry().movedBy(edit.amount(), -edit.amount() / 2.0))
                        .withOrder(order)));
            }
            case 1 -> {
                // a new link between two nodes, beside the links they may have already
                if (links.isEmpty() || nodes.size() < 2) {
                    return doc;
                }
                Element like = links.get(edit.pick() % links.size());
                Element a = nodes.get(edit.pick() % nodes.size()), b = nodes.get(edit.other() % nodes.size());
                if (a == b) {
                    return doc;
                }
                changes.add(Change.add(like.withId("link-" + serial).withEndpoints(a.id(), b.id()).withOrder(OrderKey.after(front))));
            }
            case 2 -> {
                // a link beside an existing one (a bundle grows)
                if (links.isEmpty()) {
                    return doc;
                }
                Element like = links.get(edit.pick() % links.size());
                changes.add(Change.add(like.withId("beside-" + serial).withOrder(OrderKey.after(front))));
            }
            case 3 -> changes.add(Change.remove(any.id()));
            case 4 -> {
                // a node with links: they go with it
                List<Element> linked = nodes.stream().filter(n -> !doc.linksOf(n.id()).isEmpty()).toList();
                changes.add(Change.remove((linked.isEmpty() ? any : linked.get(edit.pick() % linked.size())).id()));
            }
            case 5 -> {
                // a copy of an annotation, or a new text or frame when there is none
                List<Element> notes = doc.elements().stream().filter(Element::isAnnotation).toList();
                Element like = notes.isEmpty() ? null : notes.get(edit.other() % notes.size());
                if (like == null || edit.other() % 3 == 0) {
                    Element near = nodes.get(edit.pick() % nodes.size());
                    changes.add(Change.add(Element.annotation("note-" + serial, edit.amount() > 0 ? "text" : "frame",
                            "A note " + serial, Geometry.box(near.geometry().x() + edit.amount(), near.geometry().y() - 60, 180, 70),
                            OrderKey.after(front))));
                } else {
                    changes.add(Change.add(like.withId("note-" + serial).withGeometry(like.geometry().movedBy(edit.amount(), 40))
                            .withOrder(OrderKey.after(front))));
                }
            }
            case 6 -> {
                Element node = nodes.get(edit.pick() % nodes.size());
                changes.add(Change.setGeometry(node.id(), node.geometry().movedBy(edit.amount(), edit.amount() / 3.0)));
            }
            case 7 -> {
                // a new node and a link to it, in one change set
                Element node = nodes.get(edit.pick() % nodes.size()), to = nodes.get(edit.other() % nodes.size());
                if (links.isEmpty()) {
                    return doc;
                }
                Element like = links.get(edit.other() % links.size());
                changes.add(Change.add(node.withId("linked-" + serial).withGeometry(node.geometry().movedBy(-edit.amount(), 90))
                        .withOrder(OrderKey.after(front))));
                changes.add(Change.add(like.withId("to-linked-" + serial).withEndpoints(to.id(), "linked-" + serial)
                        .withOrder(OrderKey.after(OrderKey.after(front)))));
            }
            case 8 -> {
                // a link out of a bundle, when there is one
                List<Element> bundled = links.stream().filter(l -> doc.linksOf(l.source()).stream()
                        .filter(o -> o != l && (o.target().equals(l.target()) && o.source().equals(l.source())
                                || o.target().equals(l.source()) && o.source().equals(l.target()))).findAny().isPresent()).toList();
                List<Element> from = bundled.isEmpty() ? links : bundled;
                if (from.isEmpty()) {
                    return doc;
                }
                changes.add(Change.remove(from.get(edit.pick() % from.size()).id()));
            }
            case 9 -> changes.add(Change.setLabel(any.id(), "Relabelled " + serial + (edit.amount() > 0
                    ? " with a label long enough to take more than one line in most boxes" : "")));
            case SET_TYPE -> {
                // another type of the same kind (for an annotation: text and frame swap layers)
                List<String> types = method.schema().typeNames(any.kind(), doc.mapAttributes()).stream()
                        .filter(t -> !t.equals(any.type())).toList();
                if (types.isEmpty()) {
                    return doc;
                }
                changes.add(Change.setType(any.id(), types.get(edit.other() % types.size())));
            }
            default -> {
                // two elements at once
                Element other = all.get(edit.other() % all.size());
                if (other == any) {
                    return doc;
                }
                changes.add(Change.remove(other.id()));
                changes.add(Change.remove(any.id()));
            }
        }
        try {
            return ChangeEngine.apply(doc, method.schema(), ChangeSet.of("edit", changes)).after();
        } catch (ChangeRejected refused) {
            return doc;
        }
    }

}
