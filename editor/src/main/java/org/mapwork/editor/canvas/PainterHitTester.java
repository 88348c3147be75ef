package org.mapwork.editor.canvas;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.mapwork.export.paint.MapPainter;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * Hit testing by the painter, which knows the shapes it drew (ellipses, towers, curved links). Nodes and
 * annotations under the pointer win over links, so a click on a node where a link passes selects the node.
 */
public final class PainterHitTester implements HitTester {

    private final MapPainter painter;

    public PainterHitTester(MapPainter painter) {
        this.painter = painter;
    }

    @Override
    public List<String> elementsAt(MapDocument doc, double x, double y) {
        List<String> hits = new ArrayList<>(painter.elementsAt(doc, x, y));
        hits.sort((a, b) -> Boolean.compare(isLink(doc, a), isLink(doc, b)));
        return hits;
    }

    private static boolean isLink(MapDocument doc, String id) {
        Element e = doc.element(id);
        return e != null && e.isLink();
    }

    @Override
    public Rectangle2D drawnBounds(MapDocument doc, Element e) {
        List<Rectangle2D> drawn = painter.drawnBounds(doc, List.of(e.id()));
        return drawn.isEmpty() ? HitTester.super.drawnBounds(doc, e) : drawn.get(0);
    }

    @Override
    public List<String> elementsIn(MapDocument doc, Rectangle2D area) {
        List<String> out = new ArrayList<>();
        for (String id : painter.elementsIn(doc, area)) {
            Element e = doc.element(id);
            // a rubber band picks what it touches, but links only when both their ends are picked too
            if (e != null && !e.isLink()) {
                out.add(id);
            }
        }
        for (String id : painter.elementsIn(doc, area)) {
            Element e = doc.element(id);
            if (e != null && e.isLink() && out.contains(e.source()) && out.contains(e.target())) {
                out.add(id);
            }
        }
        return out;
    }
}
