package org.mapwork.export.paint;

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
    void aDragPatchesTheSceneInPlaceAndAnAddedElementRebuildsIt() {
        MapPainter painter = new MapPainter(TestMethod.LOOKUP);
        MapDocument doc = TestMaps.workersCentre();
        MapScene first = painter.scene(doc);
        MapDocument dragged = ChangeEngine.apply(doc, TestMethod.SCHEMA, ChangeSet.of("drag",
                Change.setGeometry("a-union", doc.element("a-union").geometry().movedBy(5, 5)))).after();
        assertSame(first, painter.scene(dragged), "patched in place");
        MapDocument added = ChangeEngine.apply(dragged, TestMethod.SCHEMA, ChangeSet.of("add",
                Change.add(Element.node("a-new", "actor", "New", Geometry.box(0, 0, 100, 50), OrderKey.after(dragged.frontOrderKey()))))).after();
        assertNotSame(first, painter.scene(added), "rebuilt");
    }
}
