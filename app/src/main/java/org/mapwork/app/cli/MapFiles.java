package org.mapwork.app.cli;

import java.nio.file.Path;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.templates.Methods;

/** Reading native map files for the commands, with every method's schema. */
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
}
