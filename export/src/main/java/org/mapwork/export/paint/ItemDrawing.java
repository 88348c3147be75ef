package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mapwork.model.schema.AnnotationType;
import org.mapwork.templates.Badge;

/**
 * Draws a scene's items onto a {@link Graphics2D}: nodes with their labels, towers and badges, links with their
 * arrowheads and labels, annotations, the selection; at the level of detail the view's scale calls for (an overview of
 * boxes and hairlines when zoomed far out).
 */
final class ItemDrawing {

    /** Below this zoom the screen shows an overview: boxes and lines only, without antialiasing. */
    static final double OVERVIEW_SCALE = 0.25;
    /** Below this zoom towers and badges are left out on screen: too small to read. */
    static final double MARKS_SCALE = 0.5;
    static final Color SELECTION = new Color(0x1f6feb);
    static final Color SELECTION_HALO = new Color(0x1f, 0x6f, 0xeb, 0x55);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 225);
    private static final Stroke SELECTION_STROKE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke NODE_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke FRAME_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7, 5}, 0);
    private static final Stroke FREEHAND = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Color TOWER_FILL = new Color(0x8c6d31);
    private static final Color TOWER_TOP = new Color(0xc9a55a);
    private static final Color TOWER_EDGE = new Color(0x4a3a1a);

    /** How many items are drawn between two questions whether to stop. */
    static final int STOP_CHECK_EVERY = 256;
    private static final BooleanSupplier NEVER = () -> false;

    private final TextWrapper text;
    private BooleanSupplier stop = NEVER;

    ItemDrawing(TextWrapper text) {
        this.text = text;
    }

    /** Whether text of this size is worth drawing at this zoom. */
    static boolean readable(float size, double scale) {
        return size * scale >= 3.5;
    }

    /**
     * From now on, asks {@code stop} before the first item of each drawing and after every {@value #STOP_CHECK_EVERY}
     * items; on a yes the drawing stops with a {@link CancellationException}.
     */
    void stopWhen(BooleanSupplier stop) {
        this.stop = stop;
    }

    /** Draws the items {@code walk} visits, at the level of detail the view's scale calls for, leaving out hidden ones. */
    void draw(Graphics2D g, Viewport view, RenderOptions opts, Consumer<MapScene.ItemVisitor> walk) {
        boolean lod = opts.levelOfDetail();
        double scale = view.scale();
        Set<String> hidden = opts.hidden();
        BooleanSupplier stopNow = stop;
        int[] visited = {0};
        Consumer<MapScene.ItemVisitor> shown = hidden.isEmpty() && stopNow == NEVER ? walk
                : visitor -> walk.accept(item -> {
                    if (stopNow != NEVER && visited[0]++ % STOP_CHECK_EVERY == 0 && stopNow.getAsBoolean()) {
                        throw new CancellationException("drawing stopped as asked, after " + (visited[0] - 1) + " items");
                    }
                    if (!hidden.contains(item.element.id())) {
                        visitor.visit(item);
                    }
                });
        if (lod && scale < OVERVIEW_SCALE) {
            drawOverview(g, view, opts, shown);
            return;
        }
        boolean textOn = !lod || readable(ItemBuilder.LABEL_SIZE, scale);
        boolean marks = !lod || scale >= MARKS_SCALE;
        shown.accept(item -> {
            boolean selected = !opts.selected().isEmpty() && opts.selected().contains(item.element.id());
            if (item instanceof NodeItem n) {
                drawNode(g, n, selected, textOn, marks, opts.editorAids(), lod && n.element.geometry().width() * scale < 3);
            } else if (item instanceof LinkItem l) {
                drawLink(g, l, selected, textOn, view);
            } else if (item instanceof AnnotationItem a) {
                drawAnnotation(g, a, selected, textOn);
            }
        });
    }


    /** The zoomed-out screen: every node as a filled box, every link as a hairline; what a person can make out. */
    private static void drawOverview(Graphics2D g, Viewport view, RenderOptions opts, Consumer<MapScene.ItemVisitor> walk) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        Stroke hairline = new BasicStroke((float) (1 / view.scale()));
        Stroke selectedLine = new BasicStroke((float) (3 / view.scale()));
        walk.accept(item -> {
            boolean selected = !opts.selected().isEmpty() && opts.selected().contains(item.element.id());
            if (item instanceof LinkItem l) {
                g.setColor(selected ? SELECTION : l.colour);
                g.setStroke(selected ? selectedLine : hairline);
                g.draw(l.path);
            } else if (item instanceof NodeItem n) {
                var geo = n.element.geometry();
                Rectangle2D box = new Rectangle2D.Double(geo.x(), geo.y(), geo.width(), geo.height());
                g.setColor(n.fill);
                g.fill(box);
                g.setColor(selected ? SELECTION : n.stroke);
                g.setStroke(selected ? selectedLine : hairline);
                g.draw(box);
            } else if (item instanceof AnnotationItem a && a.shape != null) {
                g.setColor(a.colour);
                g.setStroke(hairline);
                g.draw(a.shape);
            }
        });
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }


    private void drawNode(Graphics2D g, NodeItem n, boolean selected, boolean textOn, boolean marks, boolean editorAids,
                          boolean tiny) {
        var geo = n.element.geometry();
        if (tiny) {
            g.setColor(n.fill);
            g.fill(n.shape.getBounds2D());
            return;
        }
        if (selected) {
            g.setColor(SELECTION);
            g.setStroke(SELECTION_STROKE);
            g.draw(new RoundRectangle2D.Double(geo.x() - 4, geo.y() - 4, geo.width() + 8, geo.height() + 8, 10, 10));
        }
        g.setColor(n.fill);
        g.fill(n.shape);
        g.setColor(n.stroke);
        g.setStroke(NODE_STROKE);
        g.draw(n.shape);
        if ("note".equals(n.shapeName)) {
            double fold = Math.min(14, Math.min(geo.width(), geo.height()) / 3);
            Path2D corner = new Path2D.Double();
            corner.moveTo(geo.x() + geo.width() - fold, geo.y());
            corner.lineTo(geo.x() + geo.width() - fold, geo.y() + fold);
            corner.lineTo(geo.x() + geo.width(), geo.y() + fold);
            g.draw(corner);
        }
        if (n.pictogram != null) {
            g.setColor(n.textColour);
            g.fill(n.pictogram);
        }
        if (textOn) {
            double cx = geo.x() + geo.width() / 2;
            if (n.typeLabel != null) {
                Ink.text(g, n.typeLabel, cx, n.typeLabelTop, n.typeLabelColour, true);
            }
            if (n.label != null) {
                Ink.text(g, n.label, cx, n.labelTop, n.textColour, true);
            }
        }
        if (!marks) {
            return;
        }
        if (n.tower >= 0) {
            drawTower(g, n.towerShape, n.tower);
        }
        double bx = geo.x() + 9;
        for (Badge b : n.badges) {
            if (b.editorAid() && !editorAids) {
                continue;
            }
            drawBadge(g, b, bx, geo.y());
            bx += Math.max(18, text.line(b.text() == null ? "" : b.text(), true, 10f).maxWidth() + 8) + 4;
        }
    }


    /** An influence tower: stacked discs (at most ten drawn) with the height written on top, so it reads in grey too. */
    private void drawTower(Graphics2D g, Tower t, long height) {
        g.setStroke(Ink.THIN);
        g.setColor(TOWER_FILL);
        g.fill(t.body());
        g.setColor(TOWER_EDGE);
        g.draw(t.rims());
        g.setColor(TOWER_TOP);
        g.fill(t.top());
        g.setColor(TOWER_EDGE);
        g.draw(t.top());
        WrappedText number = text.line(Long.toString(height), true, 11f);
        Ink.text(g, number, t.numberX(), t.numberBottom() - number.height(), Ink.INK, true);
    }


    private void drawBadge(Graphics2D g, Badge badge, double cx, double cy) {
        Color fill = Colours.parse(badge.colour(), Ink.GREY);
        WrappedText t = text.line(badge.text() == null ? "" : badge.text(), true, 10f);
        // a circle for one character, a pill for more (owner initials)
        double w = Math.max(18, t.maxWidth() + 8);
        Shape pill = new RoundRectangle2D.Double(cx - 9, cy - 9, w, 18, 18, 18);
        g.setColor(fill);
        g.fill(pill);
        g.setColor(Color.WHITE);
        g.setStroke(Ink.THIN);
        g.draw(pill);
        Ink.text(g, t, cx - 9 + w / 2, cy - t.height() / 2, Colours.textOn(fill), true);
    }


    private static void drawLink(Graphics2D g, LinkItem l, boolean selected, boolean textOn, Viewport view) {
        if (selected) {
            g.setColor(SELECTION_HALO);
            g.setStroke(l.halo);
            g.draw(l.path);
        }
        g.setColor(l.colour);
        if (!drawDashedWithin(g, l, view)) {
            g.setStroke(l.stroke);
            g.draw(l.path);
        }
        if (l.arrow != null) {
            g.fill(l.arrow);
        }
        if (textOn && l.label != null) {
            double w = l.label.maxWidth(), h = l.label.height();
            g.setColor(LABEL_BACKGROUND);
            g.fill(new RoundRectangle2D.Double(l.labelX - w / 2 - 3, l.labelY - h / 2 - 1, w + 6, h + 2, 6, 6));
            Ink.text(g, l.label, l.labelX, l.labelY - h / 2, l.labelColour, true);
        }
    }


    /**
     * Draws a dashed straight link cut to the view (with a margin), its dashes carried on from where the cut begins, and
     * returns true; false for anything else. Java2D's stroker walks every dash of a line, also those far outside the
     * clip: a link across a large map cost each small view (each editor tile) thousands of dashes.
     */
    private static boolean drawDashedWithin(Graphics2D g, LinkItem l, Viewport view) {
        if (l.segment == null || !(l.stroke instanceof BasicStroke bs) || bs.getDashArray() == null) {
            return false;
        }
        Line2D s = l.segment;
        double pad = bs.getLineWidth() + 4;
        double[] t = SceneShapes.clipped(s, view.x() - pad, view.y() - pad, view.x() + view.width() + pad, view.y() + view.height() + pad);
        if (t == null) {
            return true;
        }
        if (t[0] <= 0 && t[1] >= 1) {
            return false;
        }
        double dx = s.getX2() - s.getX1(), dy = s.getY2() - s.getY1();
        double period = 0;
        for (float d : bs.getDashArray()) {
            period += d;
        }
        double phase = (bs.getDashPhase() + t[0] * Math.hypot(dx, dy)) % period;
        g.setStroke(new BasicStroke(bs.getLineWidth(), bs.getEndCap(), bs.getLineJoin(), bs.getMiterLimit(),
                bs.getDashArray(), (float) phase));
        g.draw(SceneShapes.line(s.getX1() + dx * t[0], s.getY1() + dy * t[0], s.getX1() + dx * t[1], s.getY1() + dy * t[1]));
        return true;
    }


    private static void drawAnnotation(Graphics2D g, AnnotationItem a, boolean selected, boolean textOn) {
        var geo = a.element.geometry();
        if (selected) {
            g.setColor(SELECTION);
            g.setStroke(SELECTION_STROKE);
            g.draw(new RoundRectangle2D.Double(a.bounds.getX() + 2, a.bounds.getY() + 2, a.bounds.getWidth() - 4,
                    a.bounds.getHeight() - 4, 10, 10));
        }
        if (a.form == AnnotationType.Form.STROKE) {
            g.setColor(a.colour);
            g.setStroke(FREEHAND);
            g.draw(a.shape);
            if (a.arrow != null) {
                g.fill(a.arrow);
            }
        } else if (a.form == AnnotationType.Form.FRAME) {
            g.setColor(a.colour);
            g.setStroke(FRAME_STROKE);
            g.draw(a.shape);
            if (textOn && a.label != null) {
                Ink.text(g, a.label, geo.x() + 8, geo.y() + 6, a.colour, false);
            }
        } else if (textOn && a.label != null) {
            Ink.text(g, a.label, geo.x(), geo.y(), a.colour, false);
        }
    }

}
