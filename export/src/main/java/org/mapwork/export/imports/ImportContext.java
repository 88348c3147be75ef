package org.mapwork.export.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.mapwork.model.json.InputLimits;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;
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
 * @param limits   the input budget: file size, inflated text, elements ({@link InputLimits#current()} unless given)
 */
public record ImportContext(SchemaRegistry schemas, String methodId, Charset encoding, InputLimits limits) {

    public ImportContext(SchemaRegistry schemas, String methodId) {
        this(schemas, methodId, null);
    }

    public ImportContext(SchemaRegistry schemas, String methodId, Charset encoding) {
        this(schemas, methodId, encoding, InputLimits.current());
    }

    /** The same context, reading undeclared text as {@code charset}. */
    public ImportContext withEncoding(Charset charset) {
        return new ImportContext(schemas, methodId, charset, limits);
    }

    /** The same context, keeping {@code budget} instead. */
    public ImportContext withLimits(InputLimits budget) {
        return new ImportContext(schemas, methodId, encoding, budget);
    }

    /** A reader of native map text within this context's limits. */
    MapJsonReader mapReader() {
        return new MapJsonReader(schemas).withLimits(limits);
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
