package org.mapwork.bench.canvas;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.swing.RepaintManager;

import com.mxgraph.swing.handler.mxGraphHandler;
import com.mxgraph.swing.mxGraphComponent;
import com.mxgraph.view.mxGraph;
import com.mxgraph.view.mxGraphView;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * The comparison: JGraphX's Swing {@link mxGraphComponent} painting the same graph (same vertices with their
 * positions, sizes and labels; same edges; JGraphX's default styles) offscreen, frame by frame along the same script.
 *
 * <p>A frame as the component shows it in a 1280 × 800 viewport: on a zoom step, the view's new scale (what
 * {@link mxGraphComponent#zoomTo} does: {@link mxGraphView#scaleAndTranslate}, which revalidates every cell state,
 * and the control's new preferred size); then the graph control paints into an image of the viewport's size with the
 * viewport's translation and clip, as {@code JViewport} has its view paint — the control itself skips cells outside
 * the clip. Swing's double buffering is off, so the control paints straight into the image, like the Java2D row.
 */
public final class JGraphXFrames {

    private final mxGraph graph;
    private final mxGraphComponent component;
    private final mxGraphComponent.mxGraphControl control;
    private final BufferedImage image;
    private final int width, height;

    /** The graph of {@code doc}'s nodes and links, in a component sized {@code width × height}. */
    public JGraphXFrames(MapDocument doc, int width, int height) {
        this.width = width;
        this.height = height;
        graph = new mxGraph();
        Object parent = graph.getDefaultParent();
        Map<String, Object> vertices = new HashMap<>();
        graph.getModel().beginUpdate();
        try {
            doc.nodes().forEach(n -> vertices.put(n.id(), graph.insertVertex(parent, n.id(), n.label(),
                    n.geometry().x(), n.geometry().y(), n.geometry().width(), n.geometry().height())));
            for (Element l : (Iterable<Element>) doc.links()::iterator) {
                graph.insertEdge(parent, l.id(), l.label(), vertices.get(l.source()), vertices.get(l.target()));
            }
        } finally {
            graph.getModel().endUpdate();
        }
        component = new HeadlessGraphComponent(graph);
        component.setSize(width, height);
        control = component.getGraphControl();
        RepaintManager.currentManager(control).setDoubleBufferingEnabled(false);
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * The stock component, except that its move handler does not register a drag-and-drop gesture (and drop
     * target): AWT refuses those without a display ({@code HeadlessException}), and they take no part in painting.
     */
    static final class HeadlessGraphComponent extends mxGraphComponent {
        HeadlessGraphComponent(mxGraph graph) {
            super(graph);
        }

        @Override
        protected mxGraphHandler createGraphHandler() {
            return new mxGraphHandler(this) {
                @Override
                protected void installDragGestureHandler() {
                }

                @Override
                protected void installDropTargetHandler() {
                }
            };
        }
    }

    public int vertexCount() {
        return graph.getChildVertices(graph.getDefaultParent()).length;
    }

    public int edgeCount() {
        return graph.getChildEdges(graph.getDefaultParent()).length;
    }

    /** The last frame painted (to look at). */
    public BufferedImage image() {
        return image;
    }

    /** Paints each view once; returns each frame's time in nanoseconds. */
    public long[] run(List<ViewScript.View> views) {
        long[] out = new long[views.size()];
        for (int i = 0; i < out.length; i++) {
            ViewScript.View v = views.get(i);
            long t0 = System.nanoTime();
            paint(v.originX(), v.originY(), v.scale());
            out[i] = System.nanoTime() - t0;
        }
        return out;
    }

    /** One frame: the map point (originX, originY) at the image's top-left corner, at {@code scale}. */
    public void paint(double originX, double originY, double scale) {
        mxGraphView view = graph.getView();
        if (view.getScale() != scale) {
            view.scaleAndTranslate(scale, 0, 0);
            control.updatePreferredSize();
            control.setSize(control.getPreferredSize());
        }
        int px = (int) Math.round(originX * scale), py = (int) Math.round(originY * scale);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.translate(-px, -py);
            g.clipRect(px, py, width, height);
            control.paint(g);
        } finally {
            g.dispose();
        }
    }
}
