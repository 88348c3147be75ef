package org.mapwork.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;

/**
 * A rough SVG sketch of a map from its presentation, only for looking at layouts in tests (the real painter lives
 * in the export module): boxes, labels, links, backdrops, pictograms, towers.
 */
final class SketchSvg {

    private SketchSvg() {
    }

    static String render(MapDocument doc, Presentation p) {
        double maxX = 400, maxY = 300;
        for (Element e : doc.elements()) {
            maxX = Math.max(maxX, e.geometry().x() + e.geometry().width() + 40);
            maxY = Math.max(maxY, e.geometry().y() + e.geometry().height() + 40);
        }
        StringBuilder sb = new StringBuilder();
        List<String> body = new ArrayList<>();
        for (Backdrop b : p.backdrops(doc)) {
            if (b instanceof Backdrop.Heading h) {
                body.add(text(20, 30, h.text(), 16, "bold"));
            } else if (b instanceof Backdrop.HorizontalLine l) {
                body.add(String.format(Locale.ROOT, "<line x1='0' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-width='2' stroke-dasharray='10 6'/>", l.y(), maxX, l.y(), l.colour()));
                body.add(text(10, l.y() - 6, l.label(), 12, "normal"));
            } else if (b instanceof Backdrop.Lanes lanes) {
                for (Backdrop.Lane lane : lanes.lanes()) {
                    body.add(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s' stroke='#999'/>", lane.x(), lane.y(), lane.width(), lane.height(), lane.fill()));
                    body.add(text(lane.x() + 8, lane.y() + 22, lane.label(), 14, "bold"));
                    maxX = Math.max(maxX, lane.x() + lane.width() + 20);
                    maxY = Math.max(maxY, lane.y() + lane.height() + 20);
                }
            } else if (b instanceof Backdrop.Quadrants q) {
                body.add(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='none' stroke='#888'/>", q.x(), q.y(), q.width(), q.height()));
                body.add(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#888'/>", q.x() + q.width() / 2, q.y(), q.x() + q.width() / 2, q.y() + q.height()));
                body.add(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#888'/>", q.x(), q.y() + q.height() / 2, q.x() + q.width(), q.y() + q.height() / 2));
                body.add(text(q.x() + 8, q.y() + 20, q.topLeft(), 14, "bold"));
                body.add(text(q.x() + q.width() / 2 + 8, q.y() + 20, q.topRight(), 14, "bold"));
                body.add(text(q.x() + 8, q.y() + q.height() / 2 + 20, q.bottomLeft(), 14, "bold"));
                body.add(text(q.x() + q.width() / 2 + 8, q.y() + q.height() / 2 + 20, q.bottomRight(), 14, "bold"));
                body.add(text(q.x() + q.width() - 120, q.y() + q.height() + 20, q.xAxis(), 13, "normal"));
                body.add(text(q.x() - 70, q.y() - 8, q.yAxis(), 13, "normal"));
                maxX = Math.max(maxX, q.x() + q.width() + 40);
                maxY = Math.max(maxY, q.y() + q.height() + 40);
            } else if (b instanceof Backdrop.Line l) {
                body.add(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-width='%.1f' %s/>",
                        l.x1(), l.y1(), l.x2(), l.y2(), l.colour(), l.width(), l.arrow() ? "marker-end='url(#a)'" : ""));
            }
        }
        for (Element l : doc.links().toList()) {
            Element s = doc.element(l.source()), t = doc.element(l.target());
            LinkLook look = p.linkLook(doc, l);
            String dash = switch (look.dash()) {
                case "dashed" -> "stroke-dasharray='8 5'";
                case "dotted" -> "stroke-dasharray='2 4'";
                default -> "";
            };
            body.add(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-width='%.1f' %s %s/>",
                    s.geometry().centerX(), s.geometry().centerY(), t.geometry().centerX(), t.geometry().centerY(), look.colour(), look.width(), dash,
                    look.directed() ? "marker-end='url(#a)'" : ""));
        }
        for (Element a : doc.annotations().toList()) {
            var g = a.geometry();
            if (!g.points().isEmpty()) {
                StringBuilder pts = new StringBuilder();
                for (Point pt : g.points()) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", pt.x(), pt.y()));
                }
                body.add("<polyline fill='none' stroke='#333' stroke-width='2' points='" + pts + "' marker-end='url(#a)'/>");
            } else if (a.type().equals("frame")) {
                body.add(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='none' stroke='#777' stroke-dasharray='4 3'/>", g.x(), g.y(), g.width(), g.height()));
                body.add(text(g.x() + 4, g.y() + 14, a.label(), 12, "italic"));
            } else {
                body.add(text(g.x(), g.y() + 20, a.label(), a.type().equals("title") ? 20 : 12, a.type().equals("title") ? "bold" : "normal"));
            }
        }
        for (Element n : doc.nodes().toList()) {
            var g = n.geometry();
            NodeLook look = p.nodeLook(doc, n);
            String rx = switch (look.shape()) {
                case "rounded" -> "10";
                case "ellipse", "circle", "cloud" -> String.valueOf(g.height() / 2);
                default -> "0";
            };
            body.add(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' rx='%s' fill='%s' stroke='%s' stroke-width='1.5'/>",
                    g.x(), g.y(), g.width(), g.height(), rx, look.fill(), look.stroke()));
            double ty = g.y() + 16;
            if (look.pictogram() != null) {
                double s = Math.min(g.width(), g.height()) * 0.6 / 24;
                body.add(String.format(Locale.ROOT, "<path transform='translate(%.1f,%.1f) scale(%.3f)' fill='#333' d='%s'/>",
                        g.centerX() - 12 * s, g.y() + 4, s, Pictograms.svgPath(look.pictogram()).orElse("")));
                ty = g.y() + g.height() + 14;
            }
            if (look.typeLabel() != null) {
                body.add(text(g.x() + 5, g.y() + 11, look.typeLabel(), 8, "italic"));
                ty += 4;
            }
            for (String line : wrap(n.label(), (int) Math.max(8, g.width() / 6.2))) {
                body.add(text(g.x() + 5, ty, line, 10.5, "normal"));
                ty += 13;
            }
            p.tower(n).ifPresent(h -> body.add(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='8' height='%d' fill='#555'/>",
                    g.x() + g.width() - 12, g.y() - h * 6, h * 6)));
            double bx = g.x() + g.width() + 2;
            for (Badge b : p.badges(doc, n)) {
                body.add(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='7' fill='%s'/>", bx + 5, g.y() + 6, b.colour()));
                body.add(text(bx + 1, g.y() + 10, b.text(), 9, "bold"));
                bx += 15;
            }
        }
        sb.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f'>", maxX, maxY));
        sb.append("<defs><marker id='a' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='#333'/></marker></defs>");
        sb.append("<rect width='100%' height='100%' fill='white'/>");
        body.forEach(sb::append);
        return sb.append("</svg>").toString();
    }

    private static List<String> wrap(String s, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : s.split("\\s+")) {
            if (line.length() + w.length() + 1 > width && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static String text(double x, double y, String s, double size, String weight) {
        String style = weight.equals("italic") ? "font-style='italic'" : "font-weight='" + weight + "'";
        return String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-family='sans-serif' font-size='%.1f' %s>%s</text>", x, y, size, style,
                s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }
}
