package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.LegendEntry;

/**
 * Where the parts outside the content go, for one scene and one set of options: the heading above the content, the
 * title block above that, the legend to its right, and the extent a file shows (all of it, with a margin).
 */
final class PageFrame {

    static final double MARGIN = 24;
    static final float TITLE_SIZE = 22f;
    static final float SUBTITLE_SIZE = 12f;
    static final float HEADING_SIZE = 16f;

    WrappedText heading;
    double headingX, headingY;
    WrappedText title, subtitle;
    double titleX, titleY;
    Rectangle2D legendBox;
    final List<WrappedText> legendLabels = new ArrayList<>();
    List<LegendEntry> legend = List.of();
    Rectangle2D extent;

    private PageFrame() {
    }

    /** Lays out the parts outside scene {@code s}'s content for {@code opts}, measuring with {@code text}. */
    static PageFrame of(MapScene s, RenderOptions opts, TextWrapper text) {
        PageFrame f = new PageFrame();
        Rectangle2D content = s.content;
        Rectangle2D extent = (Rectangle2D) content.clone();
        double top = content.getMinY();
        for (Backdrop b : s.backdrops) {
            if (b instanceof Backdrop.Heading h && !h.text().isBlank()) {
                f.heading = heading(text, h, content);
                f.headingX = content.getMinX();
                f.headingY = headingTop(content, f.heading);
                top = f.headingY;
                extent.add(new Rectangle2D.Double(f.headingX, f.headingY, f.heading.maxWidth(), f.heading.height()));
                break;
            }
        }
        if (opts.titleBlock()) {
            MapDocument doc = s.doc;
            f.title = text.wrap(doc.title().isBlank() ? "Untitled map" : doc.title(), true, TITLE_SIZE,
                    Math.max(480, content.getWidth()), 3);
            f.subtitle = text.wrap(subtitle(s, opts), false, SUBTITLE_SIZE, Math.max(480, content.getWidth()), 2);
            f.titleX = content.getMinX();
            f.titleY = top - 20 - f.title.height() - 2 - f.subtitle.height();
            extent.add(new Rectangle2D.Double(f.titleX, f.titleY, Math.max(f.title.maxWidth(), f.subtitle.maxWidth()),
                    f.title.height() + 2 + f.subtitle.height()));
        }
        if (opts.legend() && !s.legend().isEmpty()) {
            f.legend = s.legend();
            double w = 0;
            for (LegendEntry e : f.legend) {
                // a legend line shows its whole text (several types or goals may share one swatch), on as many lines as it takes
                WrappedText t = text.wrap(e.label() == null ? "" : e.label(), false, LegendDrawing.LEGEND_SIZE, 220, LegendDrawing.MAX_LINES);
                f.legendLabels.add(t);
                w = Math.max(w, t.maxWidth());
            }
            double h = 10 + 20 + 6;
            for (WrappedText t : f.legendLabels) {
                h += LegendDrawing.rowHeight(t);
            }
            f.legendBox = new Rectangle2D.Double(content.getMaxX() + 40, content.getMinY(), Math.max(140, 10 + 44 + w + 12), h);
            extent.add(f.legendBox);
        }
        f.extent = new Rectangle2D.Double(extent.getX() - MARGIN, extent.getY() - MARGIN,
                extent.getWidth() + 2 * MARGIN, extent.getHeight() + 2 * MARGIN);
        return f;
    }

    /** A heading's text, wrapped to the content's width (at least 360). */
    static WrappedText heading(TextWrapper text, Backdrop.Heading h, Rectangle2D content) {
        return text.wrap(h.text(), true, HEADING_SIZE, Math.max(360, content.getWidth()), 4);
    }

    /** Where the heading's first line begins: 16 above the content. */
    static double headingTop(Rectangle2D content, WrappedText heading) {
        return content.getMinY() - 16 - heading.height();
    }

    private static String subtitle(MapScene s, RenderOptions opts) {
        String method = s.method.map(m -> {
            try {
                return m.displayName(Locale.ENGLISH);
            } catch (MissingResourceException | UnsupportedOperationException e) {
                return m.id();
            }
        }).orElse(s.doc.methodId());
        LocalDate date = opts.date() != null ? opts.date() : s.doc.created().atZone(ZoneOffset.UTC).toLocalDate();
        String team = opts.team();
        if (team == null && s.doc.mapAttribute("team") instanceof Value.Text t && !t.value().isBlank()) {
            team = t.value();
        }
        return method + "  ·  " + date + (team == null || team.isBlank() ? "" : "  ·  " + team);
    }
}
