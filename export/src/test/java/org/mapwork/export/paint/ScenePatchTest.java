package org.mapwork.export.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mapwork.export.Pictures;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.export.paint.RandomEdits.Edit;

/**
 * After elements are added or removed the painter patches its scene in place, as it does after a move: a patched
 * scene holds exactly what a scene built fresh for the same snapshot holds (every item in the same place of the
 * drawing order with the same shapes, colours and texts, the same ids, the same finds in the grid, the same content,
 * backdrops and legend), so it draws the same pixels, reaches the same extent and finds the same elements.
 */
class ScenePatchTest {

    private static final List<String> METHODS = Methods.all().stream().map(MethodTemplate::id).toList();
    /** Kinds of edit {@link RandomEdits#apply} knows; all but {@link RandomEdits#SET_TYPE} are patched in place. */
    private static final int KINDS = RandomEdits.KINDS;
    private static final int SET_TYPE = RandomEdits.SET_TYPE;

    @Provide
    Arbitrary<List<Edit>> edits() {
        return RandomEdits.edits();
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
            MapDocument next = RandomEdits.apply(doc, method, edit, serial++);
            if (next == doc) {
                continue;
            }
            MapScene kept = painter.scene(doc);
            Rectangle2D extent = sameAsFresh(painter, doc, next, opts, methodId + ": " + edit);
            if (edit.kind() != SET_TYPE) {
                assertSame(kept, painter.scene(next), "patched in place after " + edit);
            }
            MapPainter fresh = new MapPainter();
            BufferedImage patched = draw(painter, next, extent, opts);
            BufferedImage built = draw(fresh, next, extent, opts);
            assertEquals(0, Pictures.differingPixels(built, patched), "pixels differing after " + edit);
            assertEquals(fresh.elementsIn(next, extent), painter.elementsIn(next, extent), "elements found after " + edit);
            Rectangle2D quarter = new Rectangle2D.Double(extent.getX(), extent.getY(), extent.getWidth() / 2, extent.getHeight() / 2);
            assertEquals(fresh.elementsIn(next, quarter), painter.elementsIn(next, quarter), "elements in a part after " + edit);
            doc = next;
        }
    }

    /** Every kind of edit, on each of the methods' examples, one after another on the same painter. */
    @Example
    void everyKindOfEditOnEveryMethodsExampleLeavesTheSceneAsAFreshOne() {
        assertEquals(7, METHODS.size(), "the methods whose examples this walks through");
        for (String methodId : METHODS) {
            MethodTemplate method = Methods.byId(methodId).orElseThrow();
            MapDocument doc = method.starter(true, Locale.ENGLISH);
            MapPainter painter = new MapPainter();
            RenderOptions opts = RenderOptions.file();
            painter.extent(doc, opts);
            int serial = 0, patchedEdits = 0;
            for (int round = 0; round < 3; round++) {
                for (int kind = 0; kind < KINDS; kind++) {
                    Edit edit = new Edit(kind, 7 * round + kind, 3 + 5 * round, round % 2 == 0 ? 120 : -90);
                    MapDocument next = RandomEdits.apply(doc, method, edit, serial++);
                    if (next == doc) {
                        continue;
                    }
                    MapScene kept = painter.scene(doc);
                    sameAsFresh(painter, doc, next, opts, methodId + ": " + edit);
                    if (kind != SET_TYPE) {
                        assertSame(kept, painter.scene(next), methodId + ": patched in place after " + edit);
                        patchedEdits++;
                    }
                    // back to the snapshot before (which the later one does not descend from: the patch compares all
                    // elements), and on again (the later snapshot tells what changed since)
                    sameAsFresh(painter, next, doc, opts, methodId + ": back from " + edit);
                    sameAsFresh(painter, doc, next, opts, methodId + ": again " + edit);
                    if (kind != SET_TYPE) {
                        assertSame(kept, painter.scene(next), methodId + ": patched in place back and forth " + edit);
                    }
                    doc = next;
                }
            }
            assertTrue(patchedEdits >= 20, methodId + ": only " + patchedEdits + " edits were patched");
        }
    }

    /** A map emptied one removal at a time, then given new elements, is patched all the way (its bounds too). */
    @Example
    void anEmptiedMapTakesNewElements() {
        MethodTemplate method = Methods.byId("net-map").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        List<Element> nodes = doc.nodes().toList();
        MapPainter painter = new MapPainter();
        RenderOptions opts = RenderOptions.file();
        painter.extent(doc, opts);
        // removing a node takes its links along
        for (int i = 0; i < 200 && doc.size() > 0; i++) {
            List<Element> left = doc.nodes().toList();
            Element any = left.isEmpty() ? doc.inDrawOrder().get(doc.size() / 2) : left.get(left.size() / 2);
            MapDocument next = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("remove", Change.remove(any.id()))).after();
            MapScene kept = painter.scene(doc);
            sameAsFresh(painter, doc, next, opts, "removed " + any.id());
            assertSame(kept, painter.scene(next), "patched in place");
            doc = next;
        }
        assertEquals(0, doc.size(), "emptied");
        for (int i = 0; i < 3; i++) {
            Element node = nodes.get(i);
            String order = doc.size() == 0 ? OrderKey.first() : OrderKey.after(doc.frontOrderKey());
            MapDocument next = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("add",
                    Change.add(node.withOrder(order).withGeometry(node.geometry().movedBy(400 * i, 300))))).after();
            MapScene kept = painter.scene(doc);
            sameAsFresh(painter, doc, next, opts, "added " + node.id() + " to " + doc.size());
            assertSame(kept, painter.scene(next), "patched in place");
            doc = next;
        }
    }

    /** A text that becomes a frame moves to the back layer: the scene is built anew, and holds what a fresh one does. */
    @Example
    void anAnnotationOfAnotherTypeIsDrawnInItsNewLayer() {
        MethodTemplate method = Methods.byId("problem-tree").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        Element node = doc.nodes().findFirst().orElseThrow();
        MapPainter painter = new MapPainter();
        RenderOptions opts = RenderOptions.file();
        painter.extent(doc, opts);
        MapDocument noted = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("note", Change.add(Element.annotation(
                "a-note", "text", "Around the first problem", Geometry.box(node.geometry().x() - 20, node.geometry().y() - 20,
                        node.geometry().width() + 40, node.geometry().height() + 40), OrderKey.after(doc.frontOrderKey()))))).after();
        sameAsFresh(painter, doc, noted, opts, "a text added");
        MapDocument framed = ChangeEngine.apply(noted, method.schema(), ChangeSet.of("frame", Change.setType("a-note", "frame"))).after();
        sameAsFresh(painter, noted, framed, opts, "the text made a frame");
        assertSame(painter.scene(framed).items[0].element, framed.element("a-note"), "a frame is drawn first");
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
            assertSceneEquals(fresh.scene(after), painter.scene(after), ids(beside, after), "removed " + gone);
            assertEquals(0, Pictures.differingPixels(draw(fresh, after, extent, opts), draw(painter, after, extent, opts)), "removed " + gone);
            assertEquals(fresh.elementsIn(after, extent), painter.elementsIn(after, extent));
            // and back, so the next removal starts from the bundle again
            painter.extent(beside, opts);
            kept = painter.scene(beside);
        }
    }

    /**
     * Brings {@code painter} from {@code doc} to {@code next} and holds its scene to one a new painter builds for
     * {@code next}: the same extent, the same scene line by line. Returns the extent.
     */
    private static Rectangle2D sameAsFresh(MapPainter painter, MapDocument doc, MapDocument next, RenderOptions opts, String what) {
        MapPainter fresh = new MapPainter();
        Rectangle2D extent = fresh.extent(next, opts);
        assertEquals(extent, painter.extent(next, opts), "extent after " + what);
        assertSceneEquals(fresh.scene(next), painter.scene(next), ids(doc, next), what);
        return extent;
    }

    private static Set<String> ids(MapDocument before, MapDocument after) {
        Set<String> ids = new HashSet<>();
        before.elements().forEach(e -> ids.add(e.id()));
        after.elements().forEach(e -> ids.add(e.id()));
        return ids;
    }

    /** Fails with the first line where the two scenes' descriptions differ. */
    private static void assertSceneEquals(MapScene built, MapScene patched, Set<String> ids, String what) {
        List<String> a = SceneDescription.of(built, ids), b = SceneDescription.of(patched, ids);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                fail("after " + what + ", line " + i + " of the scenes differs:\n  built:   " + a.get(i) + "\n  patched: " + b.get(i));
            }
        }
        assertEquals(a.size(), b.size(), "lines of the scenes' descriptions after " + what);
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
}
