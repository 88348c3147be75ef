package org.mapwork.editor.start;

import java.nio.file.Path;

import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/** Opening maps for editing from documents and files. */
public final class Maps {

    /** The id of the person editing when no library names one. */
    static final String LOCAL_ACTOR = "local";

    private Maps() {
    }

    /** A session over a document held in memory. */
    public static OpenedMap inMemory(MapDocument doc) {
        MethodTemplate template = Methods.byId(doc.methodId()).orElse(null);
        Schema schema = template == null ? Methods.schemas().schema(doc.methodId()).orElseThrow() : template.schema();
        return new OpenedMap(new MapSession(doc, schema, LOCAL_ACTOR, 0), template, null, OpenedMap.inMemory());
    }

    /**
     * Reads a {@code .mapwork.json} file with the shipped methods' schemas.
     *
     * @throws MapFormatException with the reader's message (file, JSON path, problem)
     */
    public static MapDocument read(Path file) throws MapFormatException {
        return new MapJsonReader(Methods.schemas()).read(file);
    }
}
