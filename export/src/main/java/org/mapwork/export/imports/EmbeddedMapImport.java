package org.mapwork.export.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.SchemaRegistry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reopens Mapwork's own SVG and PNG files from the native JSON they carry. */
public final class EmbeddedMapImport {

    private final SchemaRegistry schemas;

    public EmbeddedMapImport(SchemaRegistry schemas) {
        this.schemas = schemas;
    }

    /** The map inside a Mapwork SVG ({@code <metadata><mapwork:map encoding="base64">}). */
    public MapDocument readSvg(String source, InputStream in) throws MapFormatException {
        Document dom = SafeXml.parse(source, in);
        NodeList maps = dom.getElementsByTagNameNS(SvgExport.MAP_NS, SvgExport.MAP_ELEMENT);
        if (maps.getLength() == 0) {
            throw new MapFormatException(source, "<metadata>", "this SVG holds no Mapwork map (it was not exported by Mapwork, or the map was removed)");
        }
        Element map = (Element) maps.item(0);
        byte[] json;
        try {
            json = Base64.getMimeDecoder().decode(map.getTextContent().strip());
        } catch (IllegalArgumentException e) {
            throw new MapFormatException(source, "<metadata>/<mapwork:map>", "the embedded map is not valid base64: " + e.getMessage());
        }
        return new MapJsonReader(schemas).read(source + " (embedded map)", new ByteArrayInputStream(json));
    }

    /** The map inside a Mapwork PNG (an {@code iTXt} chunk with keyword {@value PngExport#KEYWORD}). */
    public MapDocument readPng(String source, InputStream in) throws MapFormatException {
        String json;
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (iis == null || !readers.hasNext()) {
                throw new MapFormatException(source, "file", "cannot read PNG files in this Java");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, false);
                IIOMetadata meta = reader.getImageMetadata(0);
                json = itxt(meta.getAsTree("javax_imageio_png_1.0"));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new MapFormatException(source, "file", "not a readable PNG image: " + e.getMessage(), e);
        }
        if (json == null) {
            throw new MapFormatException(source, "iTXt " + PngExport.KEYWORD, "this PNG holds no Mapwork map (it was not exported by Mapwork, or its text chunks were stripped)");
        }
        return new MapJsonReader(schemas).read(source + " (embedded map)",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String itxt(org.w3c.dom.Node root) {
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("iTXt")) {
                for (org.w3c.dom.Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                    Element entry = (Element) e;
                    if (PngExport.KEYWORD.equals(entry.getAttribute("keyword"))) {
                        return entry.getAttribute("text");
                    }
                }
            }
        }
        return null;
    }
}
