package org.mapwork.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/** Reading a map file for a command, with a clear message naming the file and the place when it is not a map. */
final class MapFiles {

    private MapFiles() {
    }

    /** The map in {@code file}, or {@code null} after printing why not to {@code err}. */
    static MapDocument read(Path file, PrintWriter err) {
        try {
            return new MapJsonReader(Methods.schemas()).read(file);
        } catch (MapFormatException e) {
            err.println(e.source() + ": " + e.location() + ": " + e.problem());
            return null;
        }
    }

    /** The template of a map (its method is known, or the reader would have refused it). */
    static MethodTemplate method(MapDocument doc) {
        return Methods.byId(doc.methodId()).orElseThrow();
    }
}
