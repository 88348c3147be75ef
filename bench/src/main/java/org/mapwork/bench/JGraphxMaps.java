package org.mapwork.bench;

import java.util.HashMap;
import java.util.Map;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.LinkLook;
import org.mapwork.templates.Methods;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Presentation;

import com.mxgraph.view.mxGraph;

/**
 * The same map as a JGraphX graph, styled like Mapwork draws it (fill, outline, rounded or other shape, link colour,
 * dash and arrowhead, wrapped labels), so that JGraphX's own exporters draw comparable pictures.
 */
public final class JGraphxMaps {

    private JGraphxMaps() {
    }

    public static mxGraph graph(MapDocument doc) {
        Presentation look = Methods.byId(doc.methodId()).orElseThrow().presentation();
        mxGraph graph = new mxGraph();
        Object parent = graph.getDefaultParent();
        Map<String, Object> vertices = new HashMap<>();
        graph.getModel().beginUpdate();
        try {
            for (Element n : doc.inDrawOrder()) {
                if (!n.isNode()) {
                    continue;
                }
                NodeLook l = look.nodeLook(doc, n);
                String shape = switch (l.shape() == null ? "rectangle" : l.shape()) {
                    case "ellipse", "circle", "cloud" -> "shape=ellipse;";
                    case "diamond" -> "shape=rhombus;";
                    case "hexagon" -> "shape=hexagon;";
                    case "rounded" -> "rounded=1;";
                    default -> "";
                };
                String style = shape + "whiteSpace=wrap;fillColor=" + l.fill() + ";strokeColor=" + l.stroke()
                        + ";fontColor=" + l.textColour() + ";fontFamily=DejaVu Sans;fontSize=12";
                var g = n.geometry();
                vertices.put(n.id(), graph.insertVertex(parent, n.id(), n.label(), g.x(), g.y(), g.width(), g.height(), style));
            }
            for (Element e : doc.inDrawOrder()) {
                if (!e.isLink()) {
                    continue;
                }
                LinkLook l = look.linkLook(doc, e);
                String style = "strokeColor=" + l.colour() + ";strokeWidth=" + l.width()
                        + (l.dash() != null && !l.dash().equals("solid") ? ";dashed=1" : "")
                        + ";endArrow=" + (l.directed() ? "classic" : "none");
                graph.insertEdge(parent, e.id(), e.label(), vertices.get(e.source()), vertices.get(e.target()), style);
            }
        } finally {
            graph.getModel().endUpdate();
        }
        return graph;
    }
}
