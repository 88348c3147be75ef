package org.mapwork.app.cli;

import java.nio.file.Path;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/** Reading native map files for the commands, with every method's schema and a message naming the file and place. */
public final class MapFiles {

    private MapFiles() {
    }

    /**
     * Reads a native map file.
     *
     * @throws MapFormatException with the file and the place (JSON path or line) of the problem
     */
    public static MapDocument read(Path file) throws MapFormatException {
        return new MapJsonReader(Methods.schemas()).read(file);
    }

    /** The template of a map (its method is known, or the reader would have refused it). */
    static MethodTemplate method(MapDocument doc) {
        return Methods.byId(doc.methodId()).orElseThrow();
    }
}
