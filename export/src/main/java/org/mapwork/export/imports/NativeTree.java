package org.mapwork.export.imports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.json.InputLimits;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * What every importer builds: a map in the native JSON shape, read back through {@link MapJsonReader} so that an
 * imported map meets exactly the rules a saved one does. Each element remembers where in the source it came from,
 * so that a problem is reported as "line 12" or "row 4" rather than as a JSON path.
 */
final class NativeTree {

    private static final Pattern ELEMENT_PATH = Pattern.compile("^\\$\\.elements\\[(\\d+)](.*)$");
    private static final Pattern INVALID_ID_CHARS = Pattern.compile("[^A-Za-z0-9_.:\\-]");

    final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final List<String> origins = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private String order = null;
    private String source = "?";
    private InputLimits limits = InputLimits.current();

    NativeTree(String id, String title, String method, Instant created) {
        root.put("format", MapJson.FORMAT);
        root.put("version", MapDocument.FORMAT_VERSION);
        root.put("id", id);
        root.put("title", title);
        root.put("method", method);
        root.put("created", created.toString());
        root.putArray("elements");
    }

    /** A new map header for a file from another tool: a fresh id, the file's name as title, now as creation time. */
    static NativeTree fresh(String title, String method) {
        return new NativeTree(Ids.newId("m"), title, method, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Counts this map's elements against {@code budget}; {@code file} names the file in the message. */
    NativeTree within(String file, InputLimits budget) {
        this.source = file;
        this.limits = budget;
        return this;
    }

    ObjectNode attributes() {
        return root.has("attributes") ? (ObjectNode) root.get("attributes") : root.putObject("attributes");
    }

    /**
     * Adds an element object (to be filled by the caller) that came from {@code origin}, e.g. "line 12".
     *
     * @throws MapFormatException when the map would have more elements than the limits allow
     */
    ObjectNode element(String origin) throws MapFormatException {
        limits.checkElementCount(source, origin, origins.size());
        origins.add(origin);
        return ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("elements")).addObject();
    }

    /**
     * A link type for links whose file names none: the method's first, or, for methods whose maps define their own
     * link types (Net-Map), a type "link" added to this map.
     */
    String defaultLinkType(org.mapwork.model.schema.Schema schema) {
        List<String> fixed = new ArrayList<>(schema.linkTypes().keySet());
        if (!fixed.isEmpty() || schema.mapDefinedLinkTypes() == null) {
            return fixed.isEmpty() ? "link" : fixed.get(0);
        }
        String attr = schema.mapDefinedLinkTypes().mapAttribute();
        com.fasterxml.jackson.databind.node.ArrayNode rows = attributes().has(attr)
                ? (com.fasterxml.jackson.databind.node.ArrayNode) attributes().get(attr) : attributes().putArray(attr);
        for (var row : rows) {
            if ("link".equals(row.path("id").asText())) {
                return "link";
            }
        }
        rows.addObject().put("id", "link").put("label", "Link").put("directed", true);
        return "link";
    }

    /**
     * The link type a file names, for methods whose maps define their own link types (Net-Map): an existing one
     * (by id or label, ignoring case), or a new one added to this map with a colour of the colour-blind-safe
     * palette. {@code null} when the method's link types are fixed and none matches.
     */
    String mapLinkType(org.mapwork.model.schema.Schema schema, String given) {
        return mapLinkType(schema, given, true);
    }

    /** As {@link #mapLinkType(org.mapwork.model.schema.Schema, String)}; a type added here is {@code directed} or mutual. */
    String mapLinkType(org.mapwork.model.schema.Schema schema, String given, boolean directed) {
        if (given == null || given.isBlank() || schema.mapDefinedLinkTypes() == null) {
            return null;
        }
        String attr = schema.mapDefinedLinkTypes().mapAttribute();
        com.fasterxml.jackson.databind.node.ArrayNode rows = attributes().has(attr)
                ? (com.fasterxml.jackson.databind.node.ArrayNode) attributes().get(attr) : attributes().putArray(attr);
        String g = given.strip();
        for (var row : rows) {
            if (row.path("id").asText().equalsIgnoreCase(g) || row.path("label").asText().equalsIgnoreCase(g)) {
                return row.path("id").asText();
            }
        }
        String id = g.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (id.isEmpty()) {
            id = "link-" + (rows.size() + 1);
        }
        java.util.List<String> palette = java.util.List.of("#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#E69F00", "#000000");
        rows.addObject().put("id", id).put("label", g).put("colour", palette.get(rows.size() % palette.size())).put("directed", directed);
        return id;
    }

    /** The type of the element added with this id, or {@code null}. */
    String typeOf(String id) {
        for (var e : root.get("elements")) {
            if (e.path("id").asText().equals(id)) {
                return e.path("type").asText(null);
            }
        }
        return null;
    }

    /** The next ordering key, for files that carry none. */
    String nextOrder() {
        order = OrderKey.between(order, null);
        return order;
    }

    /** An acceptable, unused element id made from an outside id ({@code "node 1"} → {@code "node-1"}). */
    String id(String outside, String prefix) {
        String base = outside == null || outside.isBlank() ? prefix : INVALID_ID_CHARS.matcher(outside.strip()).replaceAll("-");
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        if (!Ids.isValid(base)) {
            base = prefix + "-" + base;
        }
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    /** Marks an id as taken (ids that came with the file). */
    boolean claim(String id) {
        return ids.add(id);
    }

    /** The map without its elements: the header and map attributes, checked and typed. */
    MapDocument header(String source, SchemaRegistry schemas) throws MapFormatException {
        ObjectNode copy = root.deepCopy();
        copy.putArray("elements");
        return new MapJsonReader(schemas).read(source, copy);
    }

    MapDocument read(String source, SchemaRegistry schemas) throws MapFormatException {
        try {
            // the tree itself, not its text read back: that held the map three times over (tree, text, tree)
            return new MapJsonReader(schemas).withLimits(limits).readHandedOver(source, root);
        } catch (MapFormatException e) {
            Matcher m = ELEMENT_PATH.matcher(e.location());
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                String where = i < origins.size() ? origins.get(i) : "element " + i;
                String rest = m.group(2).startsWith(".") ? m.group(2).substring(1) : m.group(2);
                throw new MapFormatException(source, rest.isEmpty() ? where : where + ", " + rest, e.problem(), e);
            }
            throw new MapFormatException(source, e.location(), e.problem(), e);
        }
    }
}
