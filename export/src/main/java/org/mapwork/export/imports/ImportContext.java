package org.mapwork.export.imports;

import java.nio.charset.Charset;
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
 * @param encoding the character encoding of text files that do not declare theirs (CSV), or {@code null} for UTF-8,
 *                 where bytes that are not UTF-8 are refused (naming the line) rather than read as "�"
 */
public record ImportContext(SchemaRegistry schemas, String methodId, Charset encoding) {

    public ImportContext(SchemaRegistry schemas, String methodId) {
        this(schemas, methodId, null);
    }

    /** The same context, reading undeclared text as {@code charset}. */
    public ImportContext withEncoding(Charset charset) {
        return new ImportContext(schemas, methodId, charset);
    }

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
