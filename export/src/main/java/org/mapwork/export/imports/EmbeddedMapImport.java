package org.mapwork.export.imports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;


import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.InputLimits;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.SchemaRegistry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reopens Mapwork's own SVG and PNG files from the native JSON they carry. */
public final class EmbeddedMapImport {

    private final SchemaRegistry schemas;
    private final InputLimits limits;

    public EmbeddedMapImport(SchemaRegistry schemas) {
        this(schemas, InputLimits.current());
    }

    /** A reader keeping {@code limits} (the embedded map's text and its elements). */
    public EmbeddedMapImport(SchemaRegistry schemas, InputLimits limits) {
        this.schemas = schemas;
        this.limits = limits;
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
        return new MapJsonReader(schemas).withLimits(limits).read(source + " (embedded map)", new ByteArrayInputStream(json));
    }

    /** The map inside a Mapwork PNG (an {@code iTXt} chunk with keyword {@value PngExport#KEYWORD}). */
    public MapDocument readPng(String source, InputStream in) throws MapFormatException {
        // the chunks are walked by hand, not by ImageIO, which inflates every text chunk whole (a zip bomb's memory)
        String json = PngText.find(source, in, PngExport.KEYWORD, limits);
        if (json == null) {
            throw new MapFormatException(source, "iTXt " + PngExport.KEYWORD, "this PNG holds no Mapwork map (it was not exported by Mapwork, or its text chunks were stripped)");
        }
        return new MapJsonReader(schemas).withLimits(limits).read(source + " (embedded map)",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
