package org.mapwork.export.paint;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.batik.parser.AWTPathProducer;
import org.apache.batik.parser.ParseException;
import org.mapwork.templates.Pictograms;

/** The rich picture's pictograms as Java2D shapes in their 24×24 box, parsed once from SVG path data by Batik. */
final class PictogramShapes {

    private static final ConcurrentHashMap<String, Optional<Shape>> CACHE = new ConcurrentHashMap<>();

    private PictogramShapes() {
    }

    static Optional<Shape> shape(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(name, n -> Pictograms.svgPath(n).map(PictogramShapes::parse));
    }

    /** Parses SVG path data ({@code d}) into a shape; exposed for tests and for pictograms outside the catalogue. */
    static Shape parse(String pathData) {
        try {
            return AWTPathProducer.createShape(new StringReader(pathData), Path2D.WIND_NON_ZERO);
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("not SVG path data: " + e.getMessage(), e);
        }
    }
}
