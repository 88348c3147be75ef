package org.mapwork.collab;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * A welcome's snapshot: the hub's whole map in the model's JSON form ({@link MapJson#toTree}). Reading one is
 * reading outside input: the same strict reader as a map file (every key, value, id, link end and rule checked), and a
 * problem is a {@link WireException} naming its JSON path inside the welcome ({@code $.snapshot.elements[3].id}).
 * Nothing is applied from a snapshot that does not read whole.
 */
public final class Snapshots {

    /** The message path of a welcome's snapshot. */
    static final String PATH = "$.snapshot";

    private Snapshots() {
    }

    /** The map as a welcome carries it. */
    public static ObjectNode of(MapDocument document) {
        return MapJson.toTree(document);
    }

    /** The method a snapshot's map says it uses ({@code $.snapshot.method}). */
    public static String method(ObjectNode snapshot) throws WireException {
        JsonNode m = snapshot.get("method");
        if (m == null || !m.isTextual()) {
            throw new WireException(PATH + ".method", "missing; expected the map's method id");
        }
        return m.textValue();
    }

    /**
     * Reads a snapshot of the map {@code mapId}.
     *
     * @param schemaOfMethod the schema of a method id, {@code null} for a method this device does not know
     * @throws WireException naming the path of the first problem; also for another map or an unknown method
     */
    public static MapDocument read(ObjectNode snapshot, String mapId, Function<String, Schema> schemaOfMethod) throws WireException {
        String method = method(snapshot);
        Schema schema = schemaOfMethod.apply(method);
        if (schema == null) {
            throw new WireException(PATH + ".method", "the map uses the method \"" + method + "\", which this Mapwork does not know");
        }
        SchemaRegistry one = new SchemaRegistry() {
            @Override
            public Optional<Schema> schema(String methodId) {
                return methodId.equals(schema.methodId()) ? Optional.of(schema) : Optional.empty();
            }

            @Override
            public java.util.Collection<String> methodIds() {
                return List.of(schema.methodId());
            }
        };
        MapDocument doc;
        try {
            doc = new MapJsonReader(one).read("snapshot", snapshot);
        } catch (MapFormatException e) {
            String where = e.location().startsWith("$") ? PATH + e.location().substring(1) : PATH + " (" + e.location() + ")";
            throw new WireException(where, e.problem(), e);
        } catch (RuntimeException e) {
            throw new WireException(PATH, "not a map: " + e.getMessage(), e);
        }
        if (!doc.id().equals(mapId)) {
            throw new WireException(PATH + ".id", "the snapshot is of map " + doc.id() + ", not of " + mapId);
        }
        return doc;
    }
}
