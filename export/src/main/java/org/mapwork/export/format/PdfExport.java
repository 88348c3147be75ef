package org.mapwork.export.format;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.mapwork.export.paint.MapFonts;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.TextWrapper;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;

/**
 * The map as a one-page vector PDF, drawn by the {@link MapPainter} through pdfbox-graphics2d. The bundled font is
 * embedded (subset) and text is drawn as text, so it can be selected and searched; characters the font lacks are
 * drawn as outlines.
 */
public final class PdfExport {

    /** The page: exactly the map's size, or an A4 or US Letter sheet in landscape with the map fitted on it. */
    public enum PageSize {
        FIT, A4, LETTER
    }

    /** Map units are CSS pixels (96 per inch); PDF points are 72 per inch. */
    public static final double POINTS_PER_UNIT = 72.0 / 96.0;
    private static final float SHEET_MARGIN = 28f;

    private PdfExport() {
    }

    public static void write(MapDocument doc, MapPainter painter, RenderOptions opts, PageSize pageSize, OutputStream out) throws IOException {
        Rectangle2D extent = painter.extent(doc, opts);
        float mapW = (float) (extent.getWidth() * POINTS_PER_UNIT), mapH = (float) (extent.getHeight() * POINTS_PER_UNIT);
        PDRectangle pageBox = switch (pageSize) {
            case FIT -> new PDRectangle(mapW, mapH);
            case A4 -> new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            case LETTER -> new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());
        };
        double scale = POINTS_PER_UNIT;
        float offX = 0, offY = 0;
        if (pageSize != PageSize.FIT) {
            double fit = Math.min((pageBox.getWidth() - 2 * SHEET_MARGIN) / mapW, (pageBox.getHeight() - 2 * SHEET_MARGIN) / mapH);
            scale = POINTS_PER_UNIT * fit;
            offX = (float) (pageBox.getWidth() - extent.getWidth() * scale) / 2;
            offY = (float) (pageBox.getHeight() - extent.getHeight() * scale) / 2;
        }
        float drawW = (float) (extent.getWidth() * scale), drawH = (float) (extent.getHeight() * scale);
        try (PDDocument pdf = new PDDocument();
             TrueTypeFont regular = unligated(false);
             TrueTypeFont bold = unligated(true);
             PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            PDPage page = new PDPage(pageBox);
            pdf.addPage(page);
            fonts.registerFont(MapFonts.fontName(false), PDType0Font.load(pdf, regular, true));
            fonts.registerFont(MapFonts.fontName(true), PDType0Font.load(pdf, bold, true));
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(pdf, drawW, drawH);
            g.setFontTextDrawer(fonts);
            try {
                painter.paint(g, doc, Viewport.of(extent, scale), opts);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                cs.saveGraphicsState();
                cs.transform(new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, offX, offY));
                cs.drawForm(form);
                cs.restoreGraphicsState();
            }
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(TextWrapper.printable(doc.title()));
            info.setCreator("Mapwork");
            info.setSubject(doc.methodId());
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(doc.created().toEpochMilli());
            // the map's own time, not the clock: the same map gives the same file
            info.setCreationDate(created);
            info.setModificationDate(created);
            pdf.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            pdf.save(out);
        }
    }

    /**
     * A bundled face with its glyph substitutions off. PDFBox applies a Latin font's GSUB ligatures itself when it
     * shows text, so "Office" was written with the glyph "ﬃ": it looked right, but a search or a copy from the PDF
     * found "Oﬃce" (issue 15). Letters stay letters; the page looks the same.
     */
    private static TrueTypeFont unligated(boolean bold) throws IOException {
        try (InputStream in = MapFonts.openFontFile(bold)) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            ttf.setEnableGsub(false);
            return ttf;
        }
    }
}
