package org.mapwork.export.imports;

import java.nio.file.Path;

import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * What an import needs to know besides the file: the methods' schemas, and which method a file from another
 * tool becomes (files made by Mapwork name their own method).
 *
 * @param schemas  the known methods
 * @param methodId the method for files that do not say (e.g. {@code net-map}), or {@code null} to refuse such files
 */
public record ImportContext(SchemaRegistry schemas, String methodId) {

    Schema schema(String method, String source) throws MapFormatException {
        if (method == null) {
            throw new MapFormatException(source, "method", "this file does not say which method its map follows; choose one (known: "
                    + schemas.methodIds() + ")");
        }
        return schemas.schema(method).orElseThrow(() ->
                new MapFormatException(source, "method", "unknown method \"" + method + "\"; known: " + schemas.methodIds()));
    }

    /** A title for a map made from a file: the file's name without its extension. */
    String titleFor(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
