package org.mapwork.export.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.mapwork.export.TestMaps;
import org.mapwork.export.TestMethod;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;

class MapSceneTest {

    @Test
    void aDragAndAnAddedElementPatchTheSceneInPlaceAndANewOrderRebuildsIt() {
        MapPainter painter = new MapPainter(TestMethod.LOOKUP);
        MapDocument doc = TestMaps.workersCentre();
        MapScene first = painter.scene(doc);
        MapDocument dragged = ChangeEngine.apply(doc, TestMethod.SCHEMA, ChangeSet.of("drag",
                Change.setGeometry("a-union", doc.element("a-union").geometry().movedBy(5, 5)))).after();
        assertSame(first, painter.scene(dragged), "patched in place");
        MapDocument added = ChangeEngine.apply(dragged, TestMethod.SCHEMA, ChangeSet.of("add",
                Change.add(Element.node("a-new", "actor", "New", Geometry.box(0, 0, 100, 50), OrderKey.after(dragged.frontOrderKey()))))).after();
        // issue 10: adding (and removing) is patched like a move, no longer rebuilt
        assertSame(first, painter.scene(added), "patched in place");
        MapDocument reordered = ChangeEngine.apply(added, TestMethod.SCHEMA, ChangeSet.of("to front",
                Change.setOrder("a-union", OrderKey.after(added.frontOrderKey())))).after();
        assertNotSame(first, painter.scene(reordered), "rebuilt");
    }

    @Test
    void extentAfterPatchesMatchesAFreshPainter() {
        MapPainter painter = new MapPainter(TestMethod.LOOKUP);
        MapDocument doc = TestMaps.workersCentre();
        painter.extent(doc, RenderOptions.file());
        // an inner node moves a little (the bounds keep their size), then an outer one moves in (they shrink)
        MapDocument inner = ChangeEngine.apply(doc, TestMethod.SCHEMA, ChangeSet.of("drag",
                Change.setGeometry("i-sick", doc.element("i-sick").geometry().movedBy(10, -10)))).after();
        assertEquals(new MapPainter(TestMethod.LOOKUP).extent(inner, RenderOptions.file()), painter.extent(inner, RenderOptions.file()));
        MapDocument outer = ChangeEngine.apply(inner, TestMethod.SCHEMA, ChangeSet.of("drag",
                Change.setGeometry("a-ministry", inner.element("a-ministry").geometry().movedBy(-200, 50)))).after();
        assertEquals(new MapPainter(TestMethod.LOOKUP).extent(outer, RenderOptions.file()), painter.extent(outer, RenderOptions.file()));
    }
}
