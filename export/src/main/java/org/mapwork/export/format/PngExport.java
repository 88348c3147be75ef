package org.mapwork.export.format;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;

/**
 * The map as a PNG image at any resolution (map units are CSS pixels, 96 per inch), with the map's native JSON in
 * a compressed {@code iTXt} chunk (keyword {@value #KEYWORD}) so that Mapwork can reopen the image for editing.
 */
public final class PngExport {

    public static final String KEYWORD = "mapwork";
    public static final int DEFAULT_DPI = 300;
    /** Larger images would need gigabytes of memory; the caller is asked for a lower resolution instead. */
    public static final long MAX_PIXELS = 200_000_000L;
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private PngExport() {
    }

    /** The image the file would hold, without metadata. */
    public static BufferedImage render(MapDocument doc, MapPainter painter, RenderOptions opts, double dpi) {
        if (!(dpi >= 10 && dpi <= 2400)) {
            throw new IllegalArgumentException("dpi must be between 10 and 2400, got " + dpi);
        }
        double scale = dpi / 96.0;
        Rectangle2D extent = painter.extent(doc, opts);
        long w = (long) Math.ceil(extent.getWidth() * scale), h = (long) Math.ceil(extent.getHeight() * scale);
        if (w * h > MAX_PIXELS) {
            throw new IllegalArgumentException("at " + (int) dpi + " dpi the image would be " + w + " × " + h
                    + " pixels, more than " + MAX_PIXELS / 1_000_000 + " million; choose a lower dpi");
        }
        BufferedImage img = new BufferedImage((int) w, (int) h,
                opts.background() != null ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            painter.paint(g, doc, Viewport.of(extent, scale), opts);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static void write(MapDocument doc, MapPainter painter, RenderOptions opts, double dpi, OutputStream out) throws IOException {
        BufferedImage img = render(doc, painter, opts, dpi);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no PNG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            // a middle compression level: files a little larger than the maximum, written several times faster
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.6f);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            meta.mergeTree(PNG_FORMAT, metadata(MapJson.toJson(doc), dpi));
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
        out.flush();
    }

    private static IIOMetadataNode metadata(String json, double dpi) {
        IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(dpi / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", perMetre);
        phys.setAttribute("pixelsPerUnitYAxis", perMetre);
        phys.setAttribute("unitSpecifier", "meter");
        root.appendChild(phys);
        IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", KEYWORD);
        entry.setAttribute("compressionFlag", "TRUE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", json);
        itxt.appendChild(entry);
        root.appendChild(itxt);
        return root;
    }
}
