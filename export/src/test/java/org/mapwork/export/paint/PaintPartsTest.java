package org.mapwork.export.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mapwork.export.Pictures;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * Drawing a map part by part is drawing it: {@link MapPainter#paintParts} taking every part draws the pixels
 * {@link MapPainter#paint} draws, announces every part once in drawing order, and leaves out what it is told to.
 */
class PaintPartsTest {

    @Test
    void takingEveryPartDrawsWhatPaintDraws() {
        for (MethodTemplate method : Methods.all()) {
            MapDocument doc = method.starter(true, Locale.ENGLISH);
            MapPainter painter = new MapPainter();
            RenderOptions opts = RenderOptions.file();
            Rectangle2D extent = painter.extent(doc, opts);
            List<String> keys = new ArrayList<>();
            BufferedImage whole = draw(extent, g -> painter.paint(g, doc, Viewport.of(extent, 0.75), opts));
            BufferedImage inParts = draw(extent, g -> painter.paintParts(g, doc, Viewport.of(extent, 0.75), opts, key -> {
                keys.add(key);
                return true;
            }));
            assertEquals(0, Pictures.differingPixels(whole, inParts), method.id() + ": pixels differing");
            List<String> elements = keys.stream().filter(k -> !MapParts.isMapPart(k)).toList();
            assertEquals(painter.elementsIn(doc, extent), elements, method.id() + ": every element once, in drawing order");
            assertEquals(MapParts.BACKGROUND, keys.get(0), method.id());
            assertEquals(List.of(MapParts.TITLE, MapParts.LEGEND), keys.subList(keys.size() - 2, keys.size()), method.id());
            assertEquals(keys.size(), Set.copyOf(keys).size(), method.id() + ": no key twice " + keys);
        }
    }

    @Test
    void aPartTurnedDownIsLeftOut() {
        MapDocument doc = Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
        MapPainter painter = new MapPainter();
        RenderOptions opts = RenderOptions.file();
        Rectangle2D extent = painter.extent(doc, opts);
        BufferedImage partsOnly = draw(extent, g -> painter.paintParts(g, doc, Viewport.of(extent, 0.75), opts, MapParts::isMapPart));
        BufferedImage noElements = draw(extent, g -> painter.paint(g, doc, Viewport.of(extent, 0.75),
                opts.withHidden(Set.copyOf(painter.elementsIn(doc, extent)))));
        assertEquals(0, Pictures.differingPixels(noElements, partsOnly), "the map's parts alone are the map with every element hidden");
        BufferedImage none = draw(extent, g -> painter.paintParts(g, doc, Viewport.of(extent, 0.75), opts, key -> false));
        assertEquals(0, Pictures.inkedPixels(none), "nothing taken, nothing drawn");
        assertTrue(Pictures.inkedPixels(partsOnly) > 0);
    }

    private interface Drawing {
        void on(Graphics2D g);
    }

    private static BufferedImage draw(Rectangle2D extent, Drawing drawing) {
        BufferedImage img = new BufferedImage((int) Math.ceil(extent.getWidth() * 0.75), (int) Math.ceil(extent.getHeight() * 0.75),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        drawing.on(g);
        g.dispose();
        return img;
    }
}
