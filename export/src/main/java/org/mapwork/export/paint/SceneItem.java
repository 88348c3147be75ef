package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.Comparator;

import org.mapwork.model.Element;
import org.mapwork.model.schema.AnnotationType;

/**
 * One drawable thing of a {@link MapScene}: a node, a link or an annotation, with everything the painter needs to draw
 * it (built once per element snapshot by {@link ItemBuilder}).
 */
abstract class SceneItem {

    /**
     * The scene's drawing order: frames, links, nodes, other annotations, each by the elements' order keys (ties by
     * id, as {@link org.mapwork.model.MapDocument#inDrawOrder()} breaks them).
     */
    static final Comparator<SceneItem> DRAWING_ORDER = Comparator.comparingInt(SceneItem::layer)
            .thenComparing(it -> it.element.order()).thenComparing(it -> it.element.id());

    final Element element;
    Rectangle2D bounds;
    /** Its place in the drawing order; -1 while a patch has not yet put it in. */
    int index = -1;

    SceneItem(Element element) {
        this.element = element;
    }

    /** Which of the scene's four layers the item is drawn in (0 at the back). */
    static int layer(SceneItem it) {
        if (it instanceof AnnotationItem a) {
            return a.form == AnnotationType.Form.FRAME ? 0 : 3;
        }
        return it instanceof LinkItem ? 1 : 2;
    }

    /**
     * Whether two items of the same element, from two scenes of one method with the same map attributes, draw the
     * same pixels: the same item, or a link or annotation rebuilt from the same element (and, for a link, the same
     * end nodes in the same place among parallel links).
     */
    static boolean drawnAlike(SceneItem a, SceneItem b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.element != b.element || !a.bounds.equals(b.bounds)) {
            return false;
        }
        if (a instanceof LinkItem la && b instanceof LinkItem lb) {
            return la.from.element == lb.from.element && la.to.element == lb.to.element
                    && la.from.look.equals(lb.from.look) && la.to.look.equals(lb.to.look)
                    && la.indexInPair == lb.indexInPair && la.pairSize == lb.pairSize;
        }
        return a instanceof AnnotationItem && b instanceof AnnotationItem;
    }
}
