package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.junit.jupiter.api.Test;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.TextWrapper;
import org.mapwork.export.paint.Viewport;
import org.mapwork.export.paint.WrappedText;
import org.mapwork.model.MapDocument;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class PainterTest {

    private final MapPainter painter = new MapPainter(TestMethod.LOOKUP);

    private static NodeList texts(MapPainter painter, MapDocument doc, Viewport view, RenderOptions opts) {
        Document dom = GenericDOMImplementation.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(dom);
        ctx.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        painter.paint(g, doc, view, opts);
        return g.getRoot().getElementsByTagName("text");
    }

    @Test
    void onlyElementsInTheVisibleAreaAreDrawn() {
        MapDocument doc = TestMaps.grid(100, 1);
        // the first node sits at (0,0) 150×60; the next one starts at x=200
        NodeList one = texts(painter, doc, new Viewport(-10, -10, 170, 80, 1), RenderOptions.screen(Set.of()));
        assertEquals(1, one.getLength());
        assertEquals("Actor 0", one.item(0).getTextContent());
        NodeList all = texts(painter, doc, new Viewport(-10, -10, 2100, 1300, 1), RenderOptions.screen(Set.of()));
        assertEquals(100, all.getLength());
    }

    @Test
    void elementsInAreaFindsNearbyNodesAndTheLinksCrossingIt() {
        MapDocument doc = TestMaps.grid(100, 1);
        List<String> ids = painter.elementsIn(doc, new Rectangle2D.Double(0, 0, 150, 60));
        assertTrue(ids.contains("n0"));
        assertTrue(ids.contains("l0"), "the link n0→n1 starts at n0's edge");
        assertFalse(ids.contains("n55"));
        assertEquals(List.of("n0"), painter.elementsAt(doc, 75, 30));
    }

    @Test
    void theSameSnapshotReusesItsDerivedDataAndAChangedOneRebuildsIt() {
        MapDocument doc = TestMaps.workersCentre();
        Rectangle2D first = painter.extent(doc, RenderOptions.file());
        Rectangle2D again = painter.extent(doc, RenderOptions.file());
        assertEquals(first, again);
        MapDocument other = TestMaps.grid(4, 1);
        assertNotEquals(first, painter.extent(other, RenderOptions.file()));
    }

    @Test
    void aPatchedSceneDrawsExactlyWhatAFreshPainterDraws() {
        MapDocument before = TestMaps.workersCentre();
        var moved = before.element("a-union").geometry().movedBy(120, 90);
        MapDocument after = org.mapwork.model.ChangeEngine.apply(before, TestMethod.SCHEMA, org.mapwork.model.ChangeSet.of("drag and edit",
                org.mapwork.model.Change.setGeometry("a-union", moved),
                org.mapwork.model.Change.setLabel("a-agency", "Temp agency (renamed)"),
                org.mapwork.model.Change.setAttribute("a-clinic", "influence", org.mapwork.model.Value.integer(9)),
                org.mapwork.model.Change.setLabel("l1", "grant 2027"))).after();
        Rectangle2D area = new MapPainter(TestMethod.LOOKUP).extent(before, RenderOptions.file());
        area.add(new MapPainter(TestMethod.LOOKUP).extent(after, RenderOptions.file()));
        Viewport view = Viewport.of(area, 1);
        MapPainter patched = new MapPainter(TestMethod.LOOKUP);
        render(patched, before, view);
        BufferedImage incremental = render(patched, after, view);
        BufferedImage fresh = render(new MapPainter(TestMethod.LOOKUP), after, view);
        int differing = 0;
        for (int y = 0; y < fresh.getHeight(); y++) {
            for (int x = 0; x < fresh.getWidth(); x++) {
                if (fresh.getRGB(x, y) != incremental.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertEquals(0, differing, "pixels differing between a patched and a fresh scene");
        assertEquals(List.of("a-union"), patched.elementsAt(after, moved.centerX(), moved.centerY()));
        assertTrue(patched.elementsAt(after, 40 + 85, 60 + 32).isEmpty(), "nothing left where the union was");
    }

    private static BufferedImage render(MapPainter painter, MapDocument doc, Viewport view) {
        BufferedImage img = new BufferedImage((int) Math.ceil(view.width()), (int) Math.ceil(view.height()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        painter.paint(g, doc, view, RenderOptions.file());
        g.dispose();
        return img;
    }

    @Test
    void zoomedFarOutTheScreenStillShowsEveryNodeAsABox() {
        MapDocument doc = TestMaps.grid(100, 1);
        BufferedImage img = new BufferedImage(420, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        painter.paint(g, doc, Viewport.ofCanvas(0, 0, 420, 260, 0.2), RenderOptions.screen(Set.of()).withBackground(Color.WHITE));
        g.dispose();
        // node 99 sits at (1800, 1080) 150×60: at 20 % its middle is at (375, 222)
        assertEquals(new Color(0xd6e8f5).getRGB(), img.getRGB(375, 222));
        assertEquals(new Color(0xd6e8f5).getRGB(), img.getRGB(15, 6));
    }

    @Test
    void selectionIsHighlighted() {
        MapDocument doc = TestMaps.grid(1, 0);
        BufferedImage plain = draw(doc, Set.of());
        BufferedImage selected = draw(doc, Set.of("n0"));
        // just outside the node's box (0,0 150×60) the selection outline is drawn in blue
        int x = 75 + 10, y = -4 + 10;
        assertEquals(Color.WHITE.getRGB(), plain.getRGB(x, y));
        Color c = new Color(selected.getRGB(x, y));
        assertTrue(c.getBlue() > 150 && c.getRed() < 120, "expected the selection colour, got " + c);
    }

    private BufferedImage draw(MapDocument doc, Set<String> selected) {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        painter.paint(g, doc, new Viewport(-10, -10, 200, 100, 1), RenderOptions.screen(selected).withBackground(Color.WHITE));
        g.dispose();
        return img;
    }

    @Test
    void labelsWrapToTheBoxAndTooLongLabelsEndInAnEllipsis() {
        TextWrapper w = new TextWrapper();
        WrappedText t = w.wrap("Temp staffing agency and its partners in the region", false, 12f, 150, 3);
        assertTrue(t.lines().size() > 1);
        for (double width : t.widths()) {
            assertTrue(width <= 150, "line wider than the box: " + width);
        }
        WrappedText cut = w.wrap("word ".repeat(2000), false, 12f, 150, 3);
        assertEquals(3, cut.lines().size());
        assertTrue(cut.truncated());
        assertTrue(cut.lines().get(2).endsWith("…"));
        assertSame(cut, w.wrap("word ".repeat(2000), false, 12f, 150, 3), "wrapping is cached");
    }

    @Test
    void controlCharactersAreNotDrawn() {
        assertEquals("a b c", TextWrapper.printable("a\u0001b\u0007c"));
        assertEquals("line\nnext", TextWrapper.printable("line\nnext"));
    }
}
