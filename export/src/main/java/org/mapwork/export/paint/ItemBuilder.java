package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AnnotationType;
import org.mapwork.templates.Badge;
import org.mapwork.templates.LinkLook;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Presentation;

/**
 * Builds the item that draws one element, in the look its method gives it: a node's outline and wrapped label, a
 * link's path between its nodes' outlines (side by side with the other links between the same two nodes), an
 * annotation's text, stroke or frame. One per scene; what it builds depends on the element and the snapshot's map
 * attributes only.
 */
final class ItemBuilder {

    static final float LABEL_SIZE = 12f;
    /** A heading annotation's size (a rich picture's title). */
    static final float HEADING_SIZE = 24f;
    static final float MIN_LABEL_SIZE = 9f;
    /** Lines a node's label may grow to when it does not fit its box (a safeguard against a pasted essay). */
    static final int MAX_LABEL_LINES = 60;
    static final float TYPE_LABEL_SIZE = 9f;
    static final float LINK_LABEL_SIZE = 10f;
    static final double PAD = 6;
    static final double PARALLEL_SPACING = 10;

    final Presentation presentation;
    private final Optional<MethodTemplate> method;
    private final TextWrapper text;

    ItemBuilder(Presentation presentation, Optional<MethodTemplate> method, TextWrapper text) {
        this.presentation = presentation;
        this.method = method;
        this.text = text;
    }

    /** The item of node {@code e} of snapshot {@code of}, in the look the presentation gives it there. */
    NodeItem node(MapDocument of, Element e) {
        return node(e, presentation.nodeLook(of, e), presentation.tower(e).orElse(-1), presentation.badges(of, e));
    }

    /**
     * Extra height for a grown shape whose text area is narrower than its box (an ellipse or a diamond holds its
     * text in its middle, so growing only by the text would leave the last line on the curve).
     */
    private static double grownShapeSlack(String shapeName, double height) {
        return switch (shapeName == null ? "" : shapeName) {
            case "ellipse", "circle", "cloud" -> Math.max(8, height * 0.15);
            case "diamond", "hexagon" -> Math.max(10, height * 0.25);
            default -> 0;
        };
    }

    // ----- nodes -----

    NodeItem node(Element e, NodeLook look, long tower, List<Badge> badges) {
        var g = e.geometry();
        String shapeName = e.style().shape() != null ? e.style().shape() : look.shape();
        Color fill = Colours.parse(e.style().colour() != null ? e.style().colour() : look.fill(), new Color(0xeeeeee));
        Color stroke = Colours.parse(look.stroke(), fill.darker());
        Color textColour = e.style().colour() != null ? Colours.textOn(fill) : Colours.parse(look.textColour(), Colours.textOn(fill));
        Shape shape = SceneShapes.shape(shapeName, g.x(), g.y(), g.width(), g.height());
        double inner = SceneShapes.textWidthFactor(shapeName);
        // small boxes get less padding, so that a label line still fits
        double pad = Math.max(2, Math.min(PAD, g.height() * 0.08));
        double areaW = Math.max(8, g.width() * inner - 2 * pad);
        double top = g.y() + pad;
        double bottom = g.y() + g.height() - pad;
        Shape pictogram = null;
        Optional<Shape> icon = PictogramShapes.shape(look.pictogram());
        double iconSize = 0;
        if (icon.isPresent()) {
            iconSize = Math.max(8, Math.min(Math.min(areaW, (bottom - top) * 0.55), 56));
        }
        WrappedText typeLabel = null;
        boolean wantTypeLabel = look.typeLabel() != null && !look.typeLabel().isBlank();
        WrappedText label = null;
        // the label gets the largest size (12 down to 9) at which it fits the box whole; the type name above it
        // gives way first when even that is not enough
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean withType = wantTypeLabel && attempt == 0;
            typeLabel = withType ? text.wrap(look.typeLabel(), true, TYPE_LABEL_SIZE, areaW, 1) : null;
            double labelTop = top + (typeLabel == null ? 0 : typeLabel.height()) + (iconSize > 0 ? iconSize + 2 : 0);
            if (e.label().isEmpty()) {
                break;
            }
            for (float size = LABEL_SIZE; size >= MIN_LABEL_SIZE; size -= 1f) {
                double lineHeight = Math.ceil(size * 1.25 * 100) / 100;
                int maxLines = Math.max(1, (int) Math.floor((bottom - labelTop) / lineHeight));
                label = text.wrap(e.label(), false, size, areaW, maxLines);
                if (!label.truncated()) {
                    break;
                }
            }
            if (!label.truncated() || !wantTypeLabel) {
                break;
            }
        }
        if (label != null && label.truncated()) {
            // even the smallest size does not fit: a figure never loses words, so the label takes the lines it
            // needs and the node is drawn taller to hold them (its geometry stays as the person left it)
            double labelTop = top + (typeLabel == null ? 0 : typeLabel.height()) + (iconSize > 0 ? iconSize + 2 : 0);
            label = text.wrap(e.label(), false, MIN_LABEL_SIZE, areaW, MAX_LABEL_LINES);
            double needed = labelTop + label.height() + pad;
            if (needed > g.y() + g.height()) {
                shape = SceneShapes.shape(shapeName, g.x(), g.y(), g.width(), needed - g.y() + grownShapeSlack(shapeName, g.height()));
                bottom = labelTop + label.height();
            }
        }
        if (typeLabel != null) {
            top += typeLabel.height();
        }
        if (icon.isPresent()) {
            AffineTransform at = new AffineTransform();
            at.translate(g.centerX() - iconSize / 2, top);
            at.scale(iconSize / 24, iconSize / 24);
            pictogram = at.createTransformedShape(icon.get());
            top += iconSize + 2;
        }
        double labelTop = label == null ? top : top + Math.max(0, (bottom - top - label.height()) / 2);
        Rectangle2D bounds = new Rectangle2D.Double(g.x() - 6, g.y() - 6, g.width() + 12, g.height() + 12);
        Rectangle2D drawn = shape.getBounds2D(); // taller than the geometry when the label grew it
        bounds.add(new Rectangle2D.Double(drawn.getX() - 6, drawn.getY() - 6, drawn.getWidth() + 12, drawn.getHeight() + 12));
        if (label != null && labelTop + label.height() > bounds.getMaxY()) {
            bounds.add(g.x(), labelTop + label.height() + 2);
        }
        if (tower >= 0) {
            bounds.add(Tower.bounds(g.x() + g.width(), g.y() + g.height(), tower));
        }
        if (!badges.isEmpty()) {
            double w = 0;
            for (Badge b : badges) {
                w += Math.max(18, text.line(b.text() == null ? "" : b.text(), true, 10f).maxWidth() + 8) + 4;
            }
            bounds.add(new Rectangle2D.Double(g.x() - 2, g.y() - 12, w + 4, 24));
        }
        NodeItem item = new NodeItem(e, look, shapeName, shape, fill, stroke, textColour, label, labelTop, typeLabel,
                pictogram, tower, List.copyOf(badges), g.y() + pad,
                tower >= 0 ? Tower.of(g.x() + g.width(), g.y() + g.height(), tower) : null);
        item.bounds = bounds;
        return item;
    }

    // ----- links -----

    LinkItem link(MapDocument of, Element e, NodeItem s, NodeItem t, int indexInPair, int pairSize) {
        LinkLook look = presentation.linkLook(of, e);
        Color colour = Colours.parse(e.style().colour() != null ? e.style().colour() : look.colour(), new Color(0x555555));
        double width = look.width() > 0 ? look.width() : 1.5;
        Stroke stroke = SceneShapes.stroke(look.dash(), width);
        Stroke halo = new BasicStroke((float) (width + 8), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        Shape path;
        Line2D segment = null;
        Shape arrow = null;
        double mx, my;
        if (s == t) {
            var g = s.element.geometry();
            double r = 14;
            double cx = g.x() + g.width(), cy = g.y();
            path = new Ellipse2D.Double(cx - r - 4 * indexInPair, cy - r - 4 * indexInPair, 2 * r, 2 * r);
            mx = cx + r;
            my = cy - r;
        } else {
            // offsets are measured against the pair's canonical direction, so opposite links stay apart too
            boolean canonical = e.source().compareTo(e.target()) <= 0;
            NodeItem a = canonical ? s : t, b = canonical ? t : s;
            double dx = b.cx() - a.cx(), dy = b.cy() - a.cy();
            double len = Math.hypot(dx, dy);
            double nx = len == 0 ? 0 : -dy / len, ny = len == 0 ? 1 : dx / len;
            double offset = (indexInPair - (pairSize - 1) / 2.0) * PARALLEL_SPACING;
            double sx = s.cx() + nx * offset, sy = s.cy() + ny * offset;
            double tx = t.cx() + nx * offset, ty = t.cy() + ny * offset;
            Point2D p0 = SceneShapes.exit(s, sx, sy, tx - sx, ty - sy);
            Point2D p1 = SceneShapes.exit(t, tx, ty, sx - tx, sy - ty);
            double ux = p1.getX() - p0.getX(), uy = p1.getY() - p0.getY();
            double ul = Math.hypot(ux, uy);
            if (ul > 0) {
                ux /= ul;
                uy /= ul;
            }
            double endX = p1.getX(), endY = p1.getY();
            if (look.directed() && ul > 0) {
                double al = 9 + 1.5 * width, aw = 4.5 + 0.75 * width;
                Path2D head = new Path2D.Double();
                head.moveTo(p1.getX(), p1.getY());
                head.lineTo(p1.getX() - ux * al - uy * aw, p1.getY() - uy * al + ux * aw);
                head.lineTo(p1.getX() - ux * al + uy * aw, p1.getY() - uy * al - ux * aw);
                head.closePath();
                arrow = head;
                endX = p1.getX() - ux * al * 0.8;
                endY = p1.getY() - uy * al * 0.8;
            }
            segment = new Line2D.Double(p0.getX(), p0.getY(), endX, endY);
            path = SceneShapes.line(p0.getX(), p0.getY(), endX, endY);
            mx = (p0.getX() + p1.getX()) / 2;
            my = (p0.getY() + p1.getY()) / 2;
        }
        WrappedText label = e.label().isEmpty() ? null : text.wrap(e.label(), false, LINK_LABEL_SIZE, 140, MAX_LABEL_LINES);
        Rectangle2D bounds = path.getBounds2D();
        if (arrow != null) {
            bounds.add(arrow.getBounds2D());
        }
        bounds = new Rectangle2D.Double(bounds.getX() - width - 5, bounds.getY() - width - 5,
                bounds.getWidth() + 2 * width + 10, bounds.getHeight() + 2 * width + 10);
        if (label != null) {
            bounds.add(new Rectangle2D.Double(mx - label.maxWidth() / 2 - 4, my - label.height() / 2 - 3,
                    label.maxWidth() + 8, label.height() + 6));
        }
        LinkItem item = new LinkItem(e, s, t, indexInPair, pairSize, path, segment, arrow, colour, stroke, halo, label, mx, my);
        item.bounds = bounds;
        return item;
    }

    /** The item of link {@code e} of snapshot {@code of} between the given nodes' items, in its place in its bundle. */
    LinkItem link(MapDocument of, Element e, NodeItem s, NodeItem t) {
        List<Element> pair = bundle(of, e);
        return link(of, e, s, t, pair.indexOf(e), pair.size());
    }

    // ----- annotations -----

    AnnotationItem annotation(Element e) {
        AnnotationType.Form form = method.map(m -> m.schema().annotationTypes().get(e.type()))
                .map(AnnotationType::form)
                .orElseGet(() -> switch (e.type()) {
                    case "stroke" -> AnnotationType.Form.STROKE;
                    case "frame" -> AnnotationType.Form.FRAME;
                    default -> AnnotationType.Form.TEXT;
                });
        var g = e.geometry();
        Color colour = Colours.parse(e.style().colour(), form == AnnotationType.Form.FRAME ? new Color(0x6b7785) : new Color(0x333333));
        Shape shape = null;
        Shape arrow = null;
        WrappedText label = null;
        Rectangle2D bounds;
        switch (form) {
            case STROKE -> {
                Path2D p = new Path2D.Double();
                List<Point> pts = g.points();
                for (int i = 0; i < pts.size(); i++) {
                    if (i == 0) {
                        p.moveTo(pts.get(i).x(), pts.get(i).y());
                    } else {
                        p.lineTo(pts.get(i).x(), pts.get(i).y());
                    }
                }
                shape = p;
                if (pts.size() >= 2 && e.attribute("arrow") instanceof Value.Bool b && b.value()) {
                    Point end = pts.get(pts.size() - 1), before = pts.get(pts.size() - 2);
                    double ux = end.x() - before.x(), uy = end.y() - before.y(), l = Math.hypot(ux, uy);
                    if (l > 0) {
                        ux /= l;
                        uy /= l;
                        Path2D head = new Path2D.Double();
                        head.moveTo(end.x() + ux * 4, end.y() + uy * 4);
                        head.lineTo(end.x() - ux * 10 - uy * 6, end.y() - uy * 10 + ux * 6);
                        head.lineTo(end.x() - ux * 10 + uy * 6, end.y() - uy * 10 - ux * 6);
                        head.closePath();
                        arrow = head;
                    }
                }
                bounds = p.getBounds2D();
                bounds = new Rectangle2D.Double(bounds.getX() - 12, bounds.getY() - 12, bounds.getWidth() + 24, bounds.getHeight() + 24);
            }
            case FRAME -> {
                shape = new RoundRectangle2D.Double(g.x(), g.y(), g.width(), g.height(), 12, 12);
                if (!e.label().isEmpty()) {
                    label = text.wrap(e.label(), true, LABEL_SIZE, Math.max(20, g.width() - 16), MAX_LABEL_LINES);
                }
                bounds = new Rectangle2D.Double(g.x() - 6, g.y() - 6, g.width() + 12, g.height() + 12);
                if (label != null) {
                    bounds.add(g.x(), g.y() + 8 + label.height() + 6);
                }
            }
            case HEADING -> {
                // as wide and tall as its words (a short title leaves the rest of its box free to click through);
                // a figure never loses words, so it takes the lines it needs
                double w = g.width() > 0 ? g.width() : 400;
                label = text.wrap(e.label().isEmpty() ? " " : e.label(), true, HEADING_SIZE, w, MAX_LABEL_LINES);
                double textWidth = Math.max(HEADING_SIZE, label.maxWidth());
                bounds = new Rectangle2D.Double(g.x() - 6, g.y() - 6, textWidth + 12, label.height() + 12);
                if (e.label().isEmpty()) {
                    label = null;
                }
            }
            default -> {
                double w = g.width() > 0 ? g.width() : 200;
                if (!e.label().isEmpty()) {
                    label = text.wrap(e.label(), false, LABEL_SIZE, w, MAX_LABEL_LINES);
                }
                double h = Math.max(g.height(), label == null ? 0 : label.height());
                bounds = new Rectangle2D.Double(g.x() - 6, g.y() - 6, w + 12, h + 12);
            }
        }
        AnnotationItem item = new AnnotationItem(e, form, shape, arrow, colour, label);
        item.bounds = bounds;
        return item;
    }

    /**
     * Items for the given elements of {@code other}, built on their own (with the nodes their links need), in drawing
     * order: what the live drawing of a gesture needs, at a cost that grows with the elements, not with the map.
     */
    List<SceneItem> detached(MapDocument other, Collection<String> ids) {
        Map<String, NodeItem> nodes = new HashMap<>();
        Function<String, NodeItem> nodeOf = id -> {
            NodeItem done = nodes.get(id);
            Element n = other.element(id);
            if (done == null && n != null && n.isNode()) {
                done = node(other, n);
                nodes.put(id, done);
            }
            return done;
        };
        List<SceneItem> out = new ArrayList<>();
        for (String id : ids) {
            Element e = other.element(id);
            if (e == null) {
                continue;
            }
            if (e.isNode()) {
                out.add(nodeOf.apply(id));
            } else if (e.isLink()) {
                NodeItem s = nodeOf.apply(e.source()), t = nodeOf.apply(e.target());
                if (s != null && t != null) {
                    out.add(link(other, e, s, t));
                }
            } else {
                out.add(annotation(e));
            }
        }
        out.sort(SceneItem.DRAWING_ORDER);
        return out;
    }

    /** The links between the same two nodes as {@code link} (itself included), by id: they are drawn side by side. */
    static List<Element> bundle(MapDocument doc, Element link) {
        List<Element> pair = new ArrayList<>();
        for (Element sibling : doc.linksOf(link.source())) {
            if (pairKey(sibling).equals(pairKey(link))) {
                pair.add(sibling);
            }
        }
        pair.sort((a, b) -> a.id().compareTo(b.id()));
        return pair;
    }

    /** Adds the links drawn beside {@code link} (between the same two nodes) to {@code ids}. */
    static void siblings(MapDocument of, Element link, Set<String> ids) {
        if (of.element(link.source()) == null) {
            return;
        }
        for (Element sibling : of.linksOf(link.source())) {
            if (pairKey(sibling).equals(pairKey(link))) {
                ids.add(sibling.id());
            }
        }
    }

    static String pairKey(Element link) {
        return link.source().compareTo(link.target()) <= 0
                ? link.source() + '\u0000' + link.target() : link.target() + '\u0000' + link.source();
    }
}
