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

    private Maps() {
    }

    /**
     * A session over a document held in memory, edited by {@code actor} (this device's person, see
     * {@link EditorSettings#actor()}).
     */
    public static OpenedMap inMemory(MapDocument doc, String actor) {
        return new OpenedMap(new MapSession(doc, schemaOf(doc.methodId()), actor, 0), Methods.byId(doc.methodId()).orElse(null),
                null, OpenedMap.inMemory());
    }

    /** The schema of a shipped method. */
    public static Schema schemaOf(String methodId) {
        MethodTemplate template = Methods.byId(methodId).orElse(null);
        return template == null ? Methods.schemas().schema(methodId)
                .orElseThrow(() -> new IllegalArgumentException("no method " + methodId)) : template.schema();
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
