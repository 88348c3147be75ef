package org.mapwork.export.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * After elements are added or removed the painter patches its scene in place, as it does after a move: a patched
 * scene draws the same pixels, reaches the same extent and finds the same elements as a scene built fresh for the
 * same snapshot.
 */
class ScenePatchTest {

    private static final List<String> METHODS = Methods.all().stream().map(MethodTemplate::id).toList();

    /** One random edit: what kind, and numbers to pick elements, a place and an order. */
    record Edit(int kind, int pick, int other, int amount) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(-300, 300))
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of(METHODS);
    }

    @Property(tries = 25)
    void aPatchedSceneDrawsWhatAFreshOneDraws(@ForAll("methods") String methodId, @ForAll("edits") List<Edit> edits,
                                              @ForAll boolean file) {
        MethodTemplate method = Methods.byId(methodId).orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        MapPainter painter = new MapPainter();
        RenderOptions opts = file ? RenderOptions.file() : RenderOptions.screen(Set.of());
        painter.extent(doc, opts);
        int serial = 0;
        for (Edit edit : edits) {
            MapDocument next = apply(doc, method, edit, serial++);
            if (next == doc) {
                continue;
            }
            MapScene kept = painter.scene(doc);
            MapPainter fresh = new MapPainter();
            Rectangle2D extent = fresh.extent(next, opts);
            assertEquals(extent, painter.extent(next, opts), "extent after " + edit);
            assertSame(kept, painter.scene(next), "patched in place after " + edit);
            BufferedImage patched = draw(painter, next, extent, opts);
            BufferedImage built = draw(fresh, next, extent, opts);
            assertEquals(0, differing(built, patched), "pixels differing after " + edit);
            assertEquals(fresh.elementsIn(next, extent), painter.elementsIn(next, extent), "elements found after " + edit);
            Rectangle2D quarter = new Rectangle2D.Double(extent.getX(), extent.getY(), extent.getWidth() / 2, extent.getHeight() / 2);
            assertEquals(fresh.elementsIn(next, quarter), painter.elementsIn(next, quarter), "elements in a part after " + edit);
            doc = next;
        }
    }

    @Example
    void aLinkLeftAloneBesideARemovedOneMovesBackToTheMiddle() {
        MethodTemplate method = Methods.byId("net-map").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        Element link = doc.links().findFirst().orElseThrow();
        MapDocument beside = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("beside",
                Change.add(link.withId("beside").withOrder(OrderKey.after(doc.frontOrderKey()))))).after();
        MapPainter painter = new MapPainter();
        RenderOptions opts = RenderOptions.screen(Set.of());
        painter.extent(beside, opts);
        MapScene kept = painter.scene(beside);
        for (String gone : List.of(link.id(), link.source())) {
            MapDocument after = ChangeEngine.apply(beside, method.schema(), ChangeSet.of("remove", Change.remove(gone))).after();
            MapPainter fresh = new MapPainter();
            Rectangle2D extent = fresh.extent(after, opts);
            assertEquals(extent, painter.extent(after, opts));
            assertSame(kept, painter.scene(after), "patched in place");
            assertEquals(0, differing(draw(fresh, after, extent, opts), draw(painter, after, extent, opts)), "removed " + gone);
            assertEquals(fresh.elementsIn(after, extent), painter.elementsIn(after, extent));
            // and back, so the next removal starts from the bundle again
            painter.extent(beside, opts);
            kept = painter.scene(beside);
        }
    }

    /** The edit on {@code doc}; one the method refuses leaves the map as it is. */
    private static MapDocument apply(MapDocument doc, MethodTemplate method, Edit edit, int serial) {
        List<Element> all = List.copyOf(doc.elements());
        List<Element> nodes = doc.nodes().toList();
        List<Element> links = doc.links().toList();
        List<Change> changes = new ArrayList<>();
        Element any = all.get(edit.pick % all.size());
        String front = doc.frontOrderKey();
        switch (edit.kind) {
            case 0 -> {
                // a copy of a node somewhere, at the front or at the back
                Element node = nodes.get(edit.pick % nodes.size());
                String order = edit.amount > 0 ? OrderKey.after(front) : OrderKey.before(doc.backOrderKey());
                changes.add(Change.add(node.withId("copy-" + serial).withGeometry(node.geometry().movedBy(edit.amount, -edit.amount / 2.0))
                        .withOrder(order)));
            }
            case 1 -> {
                // a new link between two nodes, beside the links they may have already
                if (links.isEmpty() || nodes.size() < 2) {
                    return doc;
                }
                Element like = links.get(edit.pick % links.size());
                Element a = nodes.get(edit.pick % nodes.size()), b = nodes.get(edit.other % nodes.size());
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
                Element like = links.get(edit.pick % links.size());
                changes.add(Change.add(like.withId("beside-" + serial).withOrder(OrderKey.after(front))));
            }
            case 3, 4 -> changes.add(Change.remove(any.id()));
            case 5 -> {
                // a copy of an annotation, or of anything when there is none
                Element like = doc.elements().stream().filter(Element::isAnnotation).findFirst().orElse(any);
                if (like.isLink()) {
                    return doc;
                }
                changes.add(Change.add(like.withId("note-" + serial).withGeometry(like.geometry().movedBy(edit.amount, 40))
                        .withOrder(OrderKey.after(front))));
            }
            default -> {
                Element node = nodes.get(edit.pick % nodes.size());
                changes.add(Change.setGeometry(node.id(), node.geometry().movedBy(edit.amount, edit.amount / 3.0)));
            }
        }
        try {
            return ChangeEngine.apply(doc, method.schema(), ChangeSet.of("edit", changes)).after();
        } catch (ChangeRejected refused) {
            return doc;
        }
    }

    private static BufferedImage draw(MapPainter painter, MapDocument doc, Rectangle2D area, RenderOptions opts) {
        double scale = 0.6;
        int w = (int) Math.ceil(area.getWidth() * scale), h = (int) Math.ceil(area.getHeight() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        painter.paint(g, doc, new Viewport(area.getX(), area.getY(), area.getWidth(), area.getHeight(), scale), opts);
        g.dispose();
        return img;
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }
}
