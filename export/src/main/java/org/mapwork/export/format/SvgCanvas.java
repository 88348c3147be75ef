package org.mapwork.export.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;

import org.apache.batik.ext.awt.g2d.AbstractGraphics2D;
import org.apache.batik.ext.awt.g2d.GraphicContext;

/**
 * A {@link java.awt.Graphics2D} that writes what is drawn on it as SVG elements, in the order drawn, straight into
 * text: the painter draws a file's picture on it exactly as it draws the screen, and every shape, line and label
 * becomes one element ({@code <rect>}, {@code <ellipse>}, {@code <path>}, {@code <text>}, ...) carrying its own
 * colour, stroke and font where they differ from the defaults on the root element ({@link #ROOT_DEFAULTS}).
 * Transform and rendering hints go on enclosing groups, a new group only when they change.
 *
 * <p>It draws what the painter uses: colours, {@link BasicStroke}s, the source-over composite, text in one font per
 * call, no clip and no images; anything else is refused with an {@link UnsupportedOperationException} rather than
 * drawn wrongly. The elements and their numbers are the ones Batik's SVG generator wrote for the same calls (the same
 * element per shape type, coordinates rounded alike), without Batik's DOM and its regrouping on every change of
 * colour, which made a large map's file take half a second.
 */
final class SvgCanvas extends AbstractGraphics2D {

    /** Presentation attributes of the root element: the values an element leaves out when it has them. */
    static final String ROOT_DEFAULTS = "fill-opacity=\"1\" color-rendering=\"auto\" color-interpolation=\"auto\""
            + " text-rendering=\"auto\" stroke=\"black\" stroke-linecap=\"square\" stroke-miterlimit=\"10\""
            + " shape-rendering=\"auto\" stroke-opacity=\"1\" fill=\"black\" stroke-dasharray=\"none\""
            + " font-weight=\"normal\" stroke-width=\"1\" font-style=\"normal\" stroke-linejoin=\"miter\""
            + " font-size=\"12px\" stroke-dashoffset=\"0\" image-rendering=\"auto\"";
    private static final float ROOT_FONT_SIZE = 12f;
    private static final float ROOT_MITER_LIMIT = 10f;

    private final SvgMarkup markup;
    private final StringBuilder out;
    private final Writer sink;
    /** The group now open, shared with canvases {@link #create}d from this one (they write into the same text). */
    private final OpenGroup open;
    private final StringBuilder scratch = new StringBuilder(96);
    private final float[] segment = new float[6];

    /** What the open group says: its transform and hints, and its attributes as written ({@code null}: none open). */
    private static final class OpenGroup {
        String attributes;
        AffineTransform transform;
        Object antialiasing, textAntialiasing, fractionalMetrics;
    }

    /** A canvas writing into {@code out}. */
    SvgCanvas(StringBuilder out) {
        this(out, null);
    }

    /**
     * A canvas writing into {@code out} and handing its text on to {@code sink} every 1 M characters, so that a large
     * map's picture is never whole in memory ({@code null}: keep it all in {@code out}). A failure of the sink comes
     * out of the drawing call as an {@link UncheckedIOException}.
     */
    SvgCanvas(StringBuilder out, Writer sink) {
        super(false);
        this.out = out;
        this.sink = sink;
        this.markup = new SvgMarkup();
        this.open = new OpenGroup();
        gc = new GraphicContext();
    }

    private SvgCanvas(SvgCanvas parent) {
        super(parent);
        this.out = parent.out;
        this.sink = parent.sink;
        this.markup = parent.markup;
        this.open = parent.open;
    }

    /** Closes the group still open; call once after the last drawing. */
    void finish() {
        if (open.attributes != null) {
            out.append("</g>");
            open.attributes = null;
            open.transform = null;
        }
    }

    // ----- drawing -----

    @Override
    public void fill(Shape s) {
        element(s, false);
    }

    @Override
    public void draw(Shape s) {
        Stroke stroke = gc.getStroke();
        if (stroke instanceof BasicStroke) {
            element(s, true);
        } else {
            fill(stroke.createStrokedShape(s));
        }
    }

    @Override
    public void drawString(String s, float x, float y) {
        Font font = gc.getFont();
        if (font.isTransformed()) {
            throw unsupported("a transformed font");
        }
        group();
        out.append("<text x=\"");
        markup.number(out, x);
        out.append("\" y=\"");
        markup.number(out, y);
        out.append("\" xml:space=\"preserve\"");
        paint("fill");
        out.append(" stroke=\"none\"");
        float size = font.getSize2D();
        if (size != ROOT_FONT_SIZE) {
            out.append(" font-size=\"");
            markup.number(out, size);
            out.append("px\"");
        }
        if (font.isBold()) {
            out.append(" font-weight=\"bold\"");
        }
        if (font.isItalic()) {
            out.append(" font-style=\"italic\"");
        }
        out.append('>');
        SvgMarkup.text(out, s);
        out.append("</text>");
        drain();
    }

    /** Hands the text written so far on to the sink once there is enough of it. */
    private void drain() {
        if (sink != null && out.length() >= 1 << 20) {
            try {
                sink.append(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.setLength(0);
        }
    }

    /** One shape as its element: a rectangle, rounded rectangle, ellipse, circle or line as such, anything else as a path. */
    private void element(Shape s, boolean stroked) {
        StringBuilder e = scratch;
        e.setLength(0);
        if (s instanceof Rectangle2D || s instanceof RoundRectangle2D) {
            if (!box((RectangularShape) s, e)) {
                return;
            }
        } else if (s instanceof Ellipse2D el) {
            if (!ellipse(el, e)) {
                return;
            }
        } else if (s instanceof Line2D l) {
            line(l.getX1(), l.getY1(), l.getX2(), l.getY2(), e);
        } else if (!path(s, e)) {
            return;
        }
        group();
        out.append(e);
        if (stroked) {
            out.append(" fill=\"none\"");
            paint("stroke");
            strokeAttributes((BasicStroke) gc.getStroke());
        } else {
            paint("fill");
            out.append(" stroke=\"none\"");
        }
        out.append("/>");
        drain();
    }

    /** A rectangle with sides; one of zero width or height is a line, one with neither draws nothing. */
    private boolean box(RectangularShape r, StringBuilder e) {
        double x = r.getX(), y = r.getY(), w = r.getWidth(), h = r.getHeight();
        if (w > 0 && h > 0) {
            e.append("<rect x=\"");
            markup.number(e, x);
            e.append("\" y=\"");
            markup.number(e, y);
            e.append("\" width=\"");
            markup.number(e, w);
            e.append("\" height=\"");
            markup.number(e, h);
            e.append('"');
            if (r instanceof RoundRectangle2D rr) {
                e.append(" rx=\"");
                markup.number(e, Math.abs(rr.getArcWidth() / 2));
                e.append("\" ry=\"");
                markup.number(e, Math.abs(rr.getArcHeight() / 2));
                e.append('"');
            }
            return true;
        }
        if (w == 0 && h > 0) {
            line(x, y, x, y + h, e);
            return true;
        }
        if (w > 0 && h == 0) {
            line(x, y, x + w, y, e);
            return true;
        }
        return false;
    }

    private boolean ellipse(Ellipse2D el, StringBuilder e) {
        double x = el.getX(), y = el.getY(), w = el.getWidth(), h = el.getHeight();
        if (w < 0 || h < 0) {
            return false;
        }
        if (w == h) {
            e.append("<circle cx=\"");
            markup.number(e, x + w / 2);
            e.append("\" cy=\"");
            markup.number(e, y + h / 2);
            e.append("\" r=\"");
            markup.number(e, w / 2);
            e.append('"');
            return true;
        }
        if (w > 0 && h > 0) {
            e.append("<ellipse cx=\"");
            markup.number(e, x + w / 2);
            e.append("\" cy=\"");
            markup.number(e, y + h / 2);
            e.append("\" rx=\"");
            markup.number(e, w / 2);
            e.append("\" ry=\"");
            markup.number(e, h / 2);
            e.append('"');
            return true;
        }
        if (w == 0) {
            line(x, y, x, y + h, e);
        } else {
            line(x, y, x + w, y, e);
        }
        return true;
    }

    private void line(double x1, double y1, double x2, double y2, StringBuilder e) {
        e.append("<line x1=\"");
        markup.number(e, x1);
        e.append("\" y1=\"");
        markup.number(e, y1);
        e.append("\" x2=\"");
        markup.number(e, x2);
        e.append("\" y2=\"");
        markup.number(e, y2);
        e.append('"');
    }

    /** Any other shape, segment by segment in single precision (as the path iterator gives them); false when empty. */
    private boolean path(Shape s, StringBuilder e) {
        PathIterator it = s.getPathIterator(null);
        e.append("<path d=\"");
        int start = e.length();
        float[] seg = segment;
        while (!it.isDone()) {
            int type = it.currentSegment(seg);
            switch (type) {
                case PathIterator.SEG_MOVETO -> points(e, 'M', seg, 1);
                case PathIterator.SEG_LINETO -> points(e, 'L', seg, 1);
                case PathIterator.SEG_QUADTO -> points(e, 'Q', seg, 2);
                case PathIterator.SEG_CUBICTO -> points(e, 'C', seg, 3);
                case PathIterator.SEG_CLOSE -> e.append('Z');
                default -> throw new IllegalStateException("unknown path segment " + type);
            }
            it.next();
        }
        if (e.length() == start) {
            return false;
        }
        if (e.charAt(e.length() - 1) == ' ') {
            e.setLength(e.length() - 1);
        }
        e.append('"');
        if (it.getWindingRule() == PathIterator.WIND_EVEN_ODD) {
            e.append(" fill-rule=\"evenodd\"");
        }
        return true;
    }

    private void points(StringBuilder e, char command, float[] seg, int count) {
        e.append(command);
        for (int i = 0; i < count; i++) {
            markup.number(e, seg[2 * i]);
            e.append(' ');
            markup.number(e, seg[2 * i + 1]);
            e.append(' ');
        }
    }

    /** The current colour as {@code fill} or {@code stroke}, with its opacity when it is not opaque. */
    private void paint(String property) {
        Paint p = gc.getPaint();
        if (!(p instanceof Color c)) {
            throw unsupported("a paint other than a colour");
        }
        Composite composite = gc.getComposite();
        if (!(composite instanceof AlphaComposite ac) || ac.getRule() != AlphaComposite.SRC_OVER || ac.getAlpha() != 1f) {
            throw unsupported("a composite other than plain source-over");
        }
        if ((c.getRGB() & 0xffffff) != 0) {
            out.append(' ').append(property).append("=\"");
            SvgMarkup.colour(out, c);
            out.append('"');
        }
        if (c.getAlpha() != 255) {
            out.append(' ').append(property).append("-opacity=\"");
            markup.number(out, c.getAlpha() / 255f);
            out.append('"');
        }
    }

    private void strokeAttributes(BasicStroke s) {
        if (s.getLineWidth() != 1f) {
            out.append(" stroke-width=\"");
            markup.number(out, s.getLineWidth());
            out.append('"');
        }
        if (s.getEndCap() != BasicStroke.CAP_SQUARE) {
            out.append(s.getEndCap() == BasicStroke.CAP_BUTT ? " stroke-linecap=\"butt\"" : " stroke-linecap=\"round\"");
        }
        if (s.getLineJoin() != BasicStroke.JOIN_MITER) {
            out.append(s.getLineJoin() == BasicStroke.JOIN_ROUND ? " stroke-linejoin=\"round\"" : " stroke-linejoin=\"bevel\"");
        }
        if (s.getMiterLimit() != ROOT_MITER_LIMIT) {
            out.append(" stroke-miterlimit=\"");
            markup.number(out, s.getMiterLimit());
            out.append('"');
        }
        float[] dashes = s.getDashArray();
        if (dashes != null) {
            out.append(" stroke-dasharray=\"");
            for (int i = 0; i < dashes.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                markup.number(out, dashes[i]);
            }
            out.append('"');
        }
        if (s.getDashPhase() != 0f) {
            out.append(" stroke-dashoffset=\"");
            markup.number(out, s.getDashPhase());
            out.append('"');
        }
    }

    /** Makes sure the open group has the current transform and rendering hints, opening a new one when they changed. */
    private void group() {
        if (gc.getClip() != null) {
            throw unsupported("a clip");
        }
        AffineTransform t = gc.getTransform();
        Object aa = gc.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        Object textAa = gc.getRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING);
        Object fractional = gc.getRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS);
        if (open.attributes != null && t.equals(open.transform) && aa == open.antialiasing
                && textAa == open.textAntialiasing && fractional == open.fractionalMetrics) {
            return;
        }
        StringBuilder g = new StringBuilder(64);
        if (!t.isIdentity()) {
            g.append(" transform=\"");
            if (t.getType() == AffineTransform.TYPE_TRANSLATION) {
                g.append("translate(");
                markup.number(g, t.getTranslateX());
                g.append(',');
                markup.number(g, t.getTranslateY());
                g.append(')');
            } else {
                g.append("matrix(");
                double[] m = new double[6];
                t.getMatrix(m);
                for (int i = 0; i < 6; i++) {
                    if (i > 0) {
                        g.append(',');
                    }
                    markup.number(g, m[i]);
                }
                g.append(')');
            }
            g.append('"');
        }
        hints(g, aa, textAa, fractional);
        String attributes = g.toString();
        if (!attributes.equals(open.attributes)) {
            finish();
            out.append("<g").append(attributes).append('>');
            open.attributes = attributes;
        }
        open.transform = t;
        open.antialiasing = aa;
        open.textAntialiasing = textAa;
        open.fractionalMetrics = fractional;
    }

    /**
     * The rendering hints the painter sets, as SVG says them: antialiased text with fractional metrics draws with
     * geometric precision, shapes without antialiasing with crisp edges.
     */
    private static void hints(StringBuilder g, Object aa, Object textAa, Object fractional) {
        String text = "auto", shapes = "auto";
        if (fractional == RenderingHints.VALUE_FRACTIONALMETRICS_ON) {
            text = "optimizeLegibility";
            shapes = "geometricPrecision";
        } else if (fractional == RenderingHints.VALUE_FRACTIONALMETRICS_OFF) {
            text = "optimizeSpeed";
            shapes = "optimizeSpeed";
        }
        if (aa == RenderingHints.VALUE_ANTIALIAS_ON) {
            text = "optimizeLegibility";
            shapes = "auto";
        } else if (aa == RenderingHints.VALUE_ANTIALIAS_OFF) {
            text = "geometricPrecision";
            shapes = "crispEdges";
        } else if (aa == RenderingHints.VALUE_ANTIALIAS_DEFAULT) {
            text = "auto";
            shapes = "auto";
        }
        if (textAa == RenderingHints.VALUE_TEXT_ANTIALIAS_ON) {
            text = "geometricPrecision";
        } else if (textAa == RenderingHints.VALUE_TEXT_ANTIALIAS_OFF) {
            text = "optimizeSpeed";
        } else if (textAa == RenderingHints.VALUE_TEXT_ANTIALIAS_DEFAULT) {
            text = "auto";
        }
        if (!text.equals("auto")) {
            g.append(" text-rendering=\"").append(text).append('"');
        }
        if (!shapes.equals("auto")) {
            g.append(" shape-rendering=\"").append(shapes).append('"');
        }
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("the SVG canvas does not draw " + what + " (the painter uses none)");
    }

    // ----- the rest of Graphics2D: state is kept by AbstractGraphics2D; what a vector file cannot do is refused -----

    @Override
    public Graphics create() {
        return new SvgCanvas(this);
    }

    /** Nothing to release: the text written so far stays in the shared buffer. */
    @Override
    public void dispose() {
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        throw unsupported("styled text");
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        throw unsupported("images");
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        throw unsupported("images");
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        throw unsupported("images");
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        throw unsupported("images");
    }

    @Override
    public void setXORMode(Color c) {
        throw unsupported("in XOR mode");
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        throw unsupported("copies of areas");
    }

    /** Metrics of a font as an offscreen image measures it; the painter measures its text itself. */
    @Override
    public FontMetrics getFontMetrics(Font f) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = probe.createGraphics();
        try {
            return g.getFontMetrics(f);
        } finally {
            g.dispose();
        }
    }

    /** A file has no device. */
    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return null;
    }
}
