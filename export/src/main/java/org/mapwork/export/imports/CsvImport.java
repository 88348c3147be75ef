package org.mapwork.export.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.mapwork.export.format.AttributeText;
import org.mapwork.export.format.CsvExport;
import org.mapwork.model.ElementKind;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;

/**
 * Reads a spreadsheet of actors (e.g. the organizations of an environmental scan) and optionally one of links.
 * The actors sheet needs a {@code label} (or {@code name}) column; {@code id}, {@code type}, {@code x}, {@code y},
 * {@code width}, {@code height}, {@code colour}, {@code shape}, {@code order} are used when present, and any column
 * named like an attribute of the row's type becomes that attribute. The links sheet needs {@code source} and
 * {@code target} (or {@code from}, {@code to}), each naming a node by id or by its label. Problems name the file,
 * the row (as a spreadsheet numbers it, the header being row 1) and the column.
 */
public final class CsvImport {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(false).build();
    private static final Set<String> NODE_FIELDS = Set.of("id", "kind", "type", "label", "name", "x", "y", "width", "height", "colour", "color", "shape", "order", "points");
    private static final Set<String> LINK_FIELDS = Set.of("id", "type", "source", "target", "from", "to", "source_label", "target_label", "label", "directed", "colour", "color", "order");

    private final ImportContext context;

    public CsvImport(ImportContext context) {
        this.context = context;
    }

    /** Reads the actors sheet and, when {@code links} is not {@code null}, the links sheet. */
    public ImportResult read(String nodesSource, InputStream nodes, String linksSource, InputStream links) throws MapFormatException {
        return read(nodesSource, nodes, linksSource, links, null, null);
    }

    /**
     * Reads the actors sheet, the links sheet and Mapwork's map sheet ({@code NAME-map.csv}: the map's id, title,
     * method, creation time and attributes), each when not {@code null}.
     */
    public ImportResult read(String nodesSource, InputStream nodes, String linksSource, InputStream links,
                             String mapSource, InputStream map) throws MapFormatException {
        List<String> warnings = new ArrayList<>();
        Map<String, String> header = new HashMap<>();
        Map<String, String> mapAttributes = new LinkedHashMap<>();
        if (map != null) {
            Sheet ms = sheet(mapSource, map, context.encoding());
            if (ms.column("field") == null || ms.column("value") == null) {
                throw new MapFormatException(mapSource, "row 1", "expected columns field and value; found " + ms.header);
            }
            for (CSVRecord rec : ms.records) {
                String field = ms.get(rec, "field").strip();
                String value = ms.get(rec, "value");
                if (field.startsWith("attribute.")) {
                    mapAttributes.put(field.substring("attribute.".length()), value);
                } else if (CsvExport.MAP_FIELDS.contains(field)) {
                    header.put(field, field.equals("title") ? CsvExport.unguard(value) : value.strip());
                } else if (!field.isEmpty()) {
                    warnings.add(fileName(mapSource) + ": row " + (rec.getRecordNumber() + 1) + ": field \"" + field + "\" is not a map field; left out");
                }
            }
        }
        String method = header.get("method");
        if (method == null || context.schemas().schema(method).isEmpty()) {
            if (method != null) {
                warnings.add(fileName(mapSource) + ": the map's method \"" + method + "\" is unknown here; imported as " + context.methodId());
            }
            method = context.methodId();
        }
        Schema schema = context.schema(method, nodesSource);
        String title = header.getOrDefault("title", context.titleFor(nodesSource).replaceFirst("-nodes$", ""));
        NativeTree tree;
        java.time.Instant created = instant(header.get("created"));
        if (header.get("id") != null && org.mapwork.model.Ids.isValid(header.get("id")) && created != null) {
            tree = new NativeTree(header.get("id"), title, method, created);
        } else {
            tree = NativeTree.fresh(title, method);
        }
        tree.within(nodesSource, context.limits());
        for (var a : mapAttributes.entrySet()) {
            AttributeDef def = schema.mapAttributes().get(a.getKey());
            if (def == null) {
                warnings.add(fileName(mapSource) + ": map attribute \"" + a.getKey() + "\" dropped: method " + method + " has no such map attribute");
            } else if (!a.getValue().isEmpty()) {
                try {
                    tree.attributes().set(def.name(), AttributeText.parse(def, CsvExport.unguard(a.getValue())));
                } catch (IllegalArgumentException e) {
                    throw new MapFormatException(mapSource, "field attribute." + a.getKey(), e.getMessage());
                }
            }
        }
        // the map's own attributes, typed, decide which options and link types exist (goals, Net-Map's link types)
        Map<String, Value> mapValues = map == null ? Map.of() : tree.header(mapSource, context.schemas()).mapAttributes();
        Map<String, String> byId = new HashMap<>();
        Map<String, List<String>> byLabel = new HashMap<>();

        Sheet sheet = sheet(nodesSource, nodes, context.encoding());
        String labelColumn = sheet.column("label", "name", "actor", "organization", "organisation");
        if (labelColumn == null) {
            throw new MapFormatException(nodesSource, "row 1", "no label column: expected a column named label or name; found " + sheet.header);
        }
        Set<String> dropped = new LinkedHashSet<>();
        int placed = 0;
        StandInGrid grid = new StandInGrid(sheet.records.size(), 8, 200, 120);
        for (CSVRecord rec : sheet.records) {
            String row = "row " + (rec.getRecordNumber() + 1);
            String label = CsvExport.unguard(sheet.get(rec, labelColumn));
            String givenId = sheet.get(rec, "id");
            if (label.isBlank() && givenId.isBlank() && isBlank(rec)) {
                continue;
            }
            ObjectNode o = tree.element(row);
            String id = !givenId.isBlank() && tree.claim(givenId) && org.mapwork.model.Ids.isValid(givenId) ? givenId : tree.id(givenId.isBlank() ? null : givenId, "n");
            o.put("id", id);
            String kindText = sheet.get(rec, "kind");
            ElementKind kind = kindText.isBlank() ? ElementKind.NODE : ElementKind.fromJson(kindText.strip());
            if (kind == null || kind == ElementKind.LINK) {
                throw new MapFormatException(nodesSource, row + ", column kind", "expected node or annotation, got \"" + kindText + '"');
            }
            o.put("kind", kind.jsonName());
            String type = type(schema, kind, sheet.get(rec, "type"), mapValues, nodesSource, row);
            o.put("type", type);
            o.put("label", label);
            String order = sheet.get(rec, "order");
            o.put("order", order.isBlank() ? tree.nextOrder() : order.strip());
            ObjectNode g = o.putObject("geometry");
            double[] def = {grid.x(placed), grid.y(placed), 160, 64};
            placed++;
            String[] names = {"x", "y", "width", "height"};
            for (int i = 0; i < 4; i++) {
                String v = sheet.get(rec, names[i]);
                g.put(names[i], v.isBlank() ? def[i] : number(nodesSource, row, names[i], v));
            }
            String points = sheet.get(rec, "points");
            if (!points.isBlank()) {
                ArrayNode pts = g.putArray("points");
                for (String p : points.strip().split("\\s+")) {
                    String[] xy = p.split(",");
                    if (xy.length != 2) {
                        throw new MapFormatException(nodesSource, row + ", column points", "expected x,y pairs separated by spaces, got \"" + p + '"');
                    }
                    pts.addArray().add(number(nodesSource, row, "points", xy[0])).add(number(nodesSource, row, "points", xy[1]));
                }
            }
            style(o, sheet.get(rec, "colour").isBlank() ? sheet.get(rec, "color") : sheet.get(rec, "colour"), sheet.get(rec, "shape"));
            attributes(nodesSource, row, o, schema.type(kind, type, mapValues), sheet, rec, NODE_FIELDS, dropped);
            byId.put(id, id);
            if (!givenId.isBlank()) {
                byId.put(givenId, id);
            }
            byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(id);
        }
        if (links != null) {
            Sheet ls = sheet(linksSource, links, context.encoding());
            String sourceCol = ls.column("source", "from");
            String targetCol = ls.column("target", "to");
            if (sourceCol == null || targetCol == null) {
                throw new MapFormatException(linksSource, "row 1", "expected columns source and target (or from and to); found " + ls.header);
            }
            for (CSVRecord rec : ls.records) {
                String row = "row " + (rec.getRecordNumber() + 1);
                if (isBlank(rec)) {
                    continue;
                }
                String origin = linksSource.equals(nodesSource) ? row : fileName(linksSource) + " " + row;
                ObjectNode o = tree.element(origin);
                String givenId = ls.get(rec, "id");
                o.put("id", !givenId.isBlank() && org.mapwork.model.Ids.isValid(givenId) && tree.claim(givenId) ? givenId : tree.id(null, "l"));
                o.put("kind", "link");
                String givenType = ls.get(rec, "type");
                String directed = ls.get(rec, "directed").strip();
                String type = schema.mapDefinedLinkTypes() != null
                        ? (givenType.isBlank() ? tree.defaultLinkType(schema)
                                : tree.mapLinkType(schema, givenType, !directed.equalsIgnoreCase("false")))
                        : type(schema, ElementKind.LINK, givenType, mapValues, linksSource, row);
                o.put("type", type);
                String label = CsvExport.unguard(ls.get(rec, "label"));
                if (!label.isEmpty()) {
                    o.put("label", label);
                }
                o.put("source", resolve(linksSource, row, sourceCol, ls.get(rec, sourceCol), byId, byLabel));
                o.put("target", resolve(linksSource, row, targetCol, ls.get(rec, targetCol), byId, byLabel));
                String order = ls.get(rec, "order");
                o.put("order", order.isBlank() ? tree.nextOrder() : order.strip());
                style(o, ls.get(rec, "colour").isBlank() ? ls.get(rec, "color") : ls.get(rec, "colour"), "");
                attributes(linksSource, row, o, linkTypeOf(schema, type), ls, rec, LINK_FIELDS, dropped);
            }
        }
        for (String d : dropped) {
            warnings.add(d);
        }
        MapDocument doc = tree.read(nodesSource, context.schemas());
        return new ImportResult(doc, warnings);
    }

    private static java.time.Instant instant(String text) {
        try {
            return text == null ? null : java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String fileName(String source) {
        return java.nio.file.Path.of(source).getFileName().toString();
    }

    /** A link type's definition; for map-defined types (not yet in the map's attributes) the method's prototype. */
    static ElementType linkTypeOf(Schema schema, String type) {
        ElementType t = schema.linkTypes().get(type);
        return t != null || schema.mapDefinedLinkTypes() == null ? t : schema.mapDefinedLinkTypes().prototype().named(type, true);
    }

    private static boolean isBlank(CSVRecord rec) {
        for (String v : rec) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String resolve(String source, String row, String column, String ref, Map<String, String> byId,
                                  Map<String, List<String>> byLabel) throws MapFormatException {
        String r = CsvExport.unguard(ref);
        if (byId.containsKey(r)) {
            return byId.get(r);
        }
        List<String> ids = byLabel.get(r);
        if (ids == null) {
            ids = byLabel.get(r.strip());
        }
        if (ids == null) {
            throw new MapFormatException(source, row + ", column " + column, "no actor with id or label \"" + r + '"');
        }
        if (ids.size() > 1) {
            throw new MapFormatException(source, row + ", column " + column, ids.size() + " actors are labelled \"" + r + "\"; use their ids");
        }
        return ids.get(0);
    }

    private static String type(Schema schema, ElementKind kind, String given, Map<String, Value> mapValues, String source, String row) throws MapFormatException {
        List<String> names = schema.typeNames(kind, mapValues);
        if (given.isBlank()) {
            if (names.isEmpty()) {
                throw new MapFormatException(source, row + ", column type", "method " + schema.methodId() + " has no " + kind.jsonName() + " types");
            }
            return kind == ElementKind.ANNOTATION ? "text" : names.get(0);
        }
        String g = given.strip();
        if (schema.type(kind, g, mapValues) != null) {
            return g;
        }
        for (String n : names) {
            if (n.equalsIgnoreCase(g)) {
                return n;
            }
        }
        throw new MapFormatException(source, row + ", column type", "unknown " + kind.jsonName() + " type \"" + g + "\"; known: " + names);
    }

    private static double number(String source, String row, String column, String v) throws MapFormatException {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new MapFormatException(source, row + ", column " + column, "expected a number, got \"" + v + '"');
        }
    }

    private static void style(ObjectNode o, String colour, String shape) {
        if (!colour.isBlank() || !shape.isBlank()) {
            ObjectNode s = o.putObject("style");
            if (!colour.isBlank()) {
                s.put("colour", colour.strip());
            }
            if (!shape.isBlank()) {
                s.put("shape", shape.strip());
            }
        }
    }

    private static void attributes(String source, String row, ObjectNode o, ElementType type, Sheet sheet, CSVRecord rec,
                                   Set<String> fields, Set<String> dropped) throws MapFormatException {
        ObjectNode attrs = null;
        for (String column : sheet.header) {
            String key = column.strip();
            if (fields.contains(key.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String name = key.startsWith("attribute.") ? key.substring("attribute.".length()) : key;
            String text = sheet.get(rec, column);
            if (text.isEmpty()) {
                continue;
            }
            AttributeDef def = type == null ? null : type.attribute(name);
            if (def == null && type != null) {
                for (AttributeDef d : type.attributes()) {
                    if (d.name().equalsIgnoreCase(name)) {
                        def = d;
                    }
                }
            }
            if (def == null) {
                dropped.add(fileName(source) + ": column \"" + column + "\" dropped where the type has no such attribute ("
                        + (type == null ? "?" : type.name()) + ")");
                continue;
            }
            if (attrs == null) {
                attrs = o.putObject("attributes");
            }
            try {
                attrs.set(def.name(), AttributeText.parse(def, CsvExport.unguard(text)));
            } catch (IllegalArgumentException e) {
                throw new MapFormatException(source, row + ", column " + column, e.getMessage());
            }
        }
    }

    /** A parsed sheet with case-insensitive column lookup. */
    private static final class Sheet {
        final List<String> header;
        final List<CSVRecord> records;
        final Map<String, String> lower = new LinkedHashMap<>();

        Sheet(List<String> header, List<CSVRecord> records) {
            this.header = header;
            this.records = records;
            for (String h : header) {
                lower.putIfAbsent(h.strip().toLowerCase(Locale.ROOT), h);
            }
        }

        String column(String... names) {
            for (String n : names) {
                if (lower.containsKey(n)) {
                    return lower.get(n);
                }
            }
            return null;
        }

        String get(CSVRecord rec, String name) {
            String col = lower.get(name.toLowerCase(Locale.ROOT));
            if (col == null) {
                col = name;
            }
            return rec.isMapped(col) && rec.isSet(col) ? rec.get(col) : "";
        }
    }

    /**
     * The file's text: UTF-8 (after a byte order mark, if any) unless {@code encoding} names another. Bytes that are
     * not text in that encoding are refused with the line and byte where the first one is, since reading them as
     * replacement characters would corrupt names without a word (a Latin-1 "Café" read as UTF-8).
     */
    static String decode(String source, InputStream in, Charset encoding) throws MapFormatException, IOException {
        Charset cs = encoding == null ? StandardCharsets.UTF_8 : encoding;
        byte[] bytes = (cs.equals(StandardCharsets.UTF_8) ? BOMInputStream.builder().setInputStream(in).get() : in).readAllBytes();
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        CharBuffer cb = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) d.maxCharsPerByte()) + 16);
        CoderResult r = d.decode(bb, cb, true);
        if (!r.isError()) {
            r = d.flush(cb);
        }
        if (r.isError()) {
            int at = bb.position();
            int line = 1, lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String hint = encoding == null
                    ? "; save it as UTF-8, or name its encoding with --encoding (a file from Excel on Windows is often windows-1252)"
                    : "";
            throw new MapFormatException(source, "line " + line + ", byte " + (at - lineStart + 1),
                    String.format(java.util.Locale.ROOT, "not %s text (byte 0x%02X)%s", cs.name(), bytes[at] & 0xff, hint));
        }
        cb.flip();
        return cb.toString();
    }

    private static Sheet sheet(String source, InputStream in, Charset encoding) throws MapFormatException {
        try {
            Reader r = new StringReader(decode(source, in, encoding));
            CSVParser parser = FORMAT.parse(r);
            List<CSVRecord> records = new ArrayList<>();
            int width = parser.getHeaderNames().size();
            for (CSVRecord rec : parser) {
                if (rec.size() > width) {
                    throw new MapFormatException(source, "row " + (rec.getRecordNumber() + 1), "has " + rec.size() + " cells but the header has " + width + " columns");
                }
                records.add(rec);
            }
            return new Sheet(parser.getHeaderNames(), records);
        } catch (IllegalArgumentException e) {
            throw new MapFormatException(source, "row 1", "bad header: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new MapFormatException(source, "file", "not valid CSV: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MapFormatException(source, "file", "cannot read: " + e.getMessage(), e);
        }
    }
}
