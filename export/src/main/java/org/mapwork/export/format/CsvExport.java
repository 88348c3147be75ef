package org.mapwork.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;
import org.mapwork.model.Value;
import org.mapwork.model.schema.LinkType;
import org.mapwork.templates.MethodTemplate;

/**
 * The map as spreadsheets, {@code NAME-nodes.csv} and {@code NAME-links.csv} (RFC 4180, UTF-8 with a byte
 * order mark so Excel reads accents), one column per field and per attribute, for Excel, UCINET and Gephi
 * ({@code id}, {@code label}, {@code source}, {@code target} are the column names Gephi looks for), and
 * {@code NAME-map.csv}, the map's own fields and attributes (its goals, its link types) as {@code field,value} rows,
 * so that the three import back as the same map.
 * A text cell that a spreadsheet would run as a formula (starting with {@code = + - @}) is written with a leading
 * apostrophe, which {@link #unguard} removes on import.
 */
public final class CsvExport {

    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").build();
    public static final List<String> NODE_COLUMNS = List.of("id", "kind", "type", "label", "x", "y", "width", "height", "colour", "shape", "order");
    public static final List<String> MAP_COLUMNS = List.of("field", "value");
    /** Rows of the map sheet for the map's own fields; its attributes follow as {@code attribute.NAME}. */
    public static final List<String> MAP_FIELDS = List.of("id", "title", "method", "created");
    public static final List<String> LINK_COLUMNS = List.of("id", "type", "source", "target", "source_label", "target_label", "label", "directed", "colour", "order");
    private static final char BOM = '\uFEFF';

    private final Function<String, Optional<MethodTemplate>> methods;

    public CsvExport(Function<String, Optional<MethodTemplate>> methods) {
        this.methods = methods;
    }

    /** Writes {@code NAME-nodes.csv}, {@code NAME-links.csv} and {@code NAME-map.csv} into {@code dir}; returns the paths. */
    public List<Path> write(MapDocument doc, Path dir, String name) throws IOException {
        Path nodes = dir.resolve(name + "-nodes.csv");
        Path links = dir.resolve(name + "-links.csv");
        Path map = dir.resolve(name + "-map.csv");
        try (OutputStream out = Files.newOutputStream(nodes)) {
            writeNodes(doc, out);
        }
        try (OutputStream out = Files.newOutputStream(links)) {
            writeLinks(doc, out);
        }
        try (OutputStream out = Files.newOutputStream(map)) {
            writeMap(doc, out);
        }
        return List.of(nodes, links, map);
    }

    /** The map sheet: {@code id}, {@code title}, {@code method}, {@code created}, then one row per map attribute. */
    public void writeMap(MapDocument doc, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        CSVPrinter p = new CSVPrinter(w, FORMAT);
        p.printRecord(MAP_COLUMNS);
        p.printRecord("id", doc.id());
        p.printRecord("title", guard(doc.title()));
        p.printRecord("method", doc.methodId());
        p.printRecord("created", doc.created().toString());
        for (var a : new java.util.TreeMap<>(doc.mapAttributes()).entrySet()) {
            Value v = a.getValue();
            boolean plain = v instanceof Value.Int || v instanceof Value.Decimal || v instanceof Value.Bool || v instanceof Value.Date;
            p.printRecord("attribute." + a.getKey(), plain ? AttributeText.toText(v) : guard(AttributeText.toText(v)));
        }
        p.flush();
    }

    public void writeNodes(MapDocument doc, OutputStream out) throws IOException {
        List<Element> elements = doc.inDrawOrder().stream().filter(e -> !e.isLink()).toList();
        TreeSet<String> attrs = attributeNames(elements);
        boolean points = elements.stream().anyMatch(e -> !e.geometry().points().isEmpty());
        List<String> header = new ArrayList<>(NODE_COLUMNS);
        if (points) {
            header.add("points");
        }
        header.addAll(columnNames(attrs, header));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        CSVPrinter p = new CSVPrinter(w, FORMAT);
        p.printRecord(header);
        for (Element e : elements) {
            List<String> row = new ArrayList<>(header.size());
            var g = e.geometry();
            row.add(e.id());
            row.add(e.kind().jsonName());
            row.add(e.type());
            row.add(guard(e.label()));
            row.add(AttributeText.decimal(g.x()));
            row.add(AttributeText.decimal(g.y()));
            row.add(AttributeText.decimal(g.width()));
            row.add(AttributeText.decimal(g.height()));
            row.add(nullToEmpty(e.style().colour()));
            row.add(nullToEmpty(e.style().shape()));
            row.add(e.order());
            if (points) {
                StringBuilder b = new StringBuilder();
                for (Point pt : g.points()) {
                    b.append(b.length() > 0 ? " " : "").append(AttributeText.decimal(pt.x())).append(',').append(AttributeText.decimal(pt.y()));
                }
                row.add(b.toString());
            }
            addAttributes(row, e, attrs);
            p.printRecord(row);
        }
        p.flush();
    }

    public void writeLinks(MapDocument doc, OutputStream out) throws IOException {
        List<Element> links = doc.inDrawOrder().stream().filter(Element::isLink).toList();
        TreeSet<String> attrs = attributeNames(links);
        List<String> header = new ArrayList<>(LINK_COLUMNS);
        header.addAll(columnNames(attrs, header));
        Map<String, LinkType> types = methods.apply(doc.methodId())
                .map(m -> m.schema().linkTypesOf(doc.mapAttributes())).orElse(new HashMap<>());
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        CSVPrinter p = new CSVPrinter(w, FORMAT);
        p.printRecord(header);
        for (Element e : links) {
            List<String> row = new ArrayList<>(header.size());
            row.add(e.id());
            row.add(e.type());
            row.add(e.source());
            row.add(e.target());
            row.add(guard(label(doc, e.source())));
            row.add(guard(label(doc, e.target())));
            row.add(guard(e.label()));
            LinkType t = types.get(e.type());
            row.add(t == null ? "" : Boolean.toString(t.directed()));
            row.add(nullToEmpty(e.style().colour()));
            row.add(e.order());
            addAttributes(row, e, attrs);
            p.printRecord(row);
        }
        p.flush();
    }

    private static String label(MapDocument doc, String id) {
        Element e = doc.element(id);
        return e == null ? "" : e.label();
    }

    private static TreeSet<String> attributeNames(List<Element> elements) {
        TreeSet<String> names = new TreeSet<>();
        for (Element e : elements) {
            names.addAll(e.attributes().keySet());
        }
        return names;
    }

    /** Attribute columns keep their name unless it clashes with a field column. */
    private static List<String> columnNames(TreeSet<String> attrs, List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String a : attrs) {
            out.add(fields.contains(a) ? "attribute." + a : a);
        }
        return out;
    }

    private static void addAttributes(List<String> row, Element e, TreeSet<String> attrs) {
        for (String a : attrs) {
            Value v = e.attribute(a);
            if (v == null) {
                row.add("");
            } else if (v instanceof Value.Int || v instanceof Value.Decimal || v instanceof Value.Bool || v instanceof Value.Date) {
                row.add(AttributeText.toText(v));
            } else {
                row.add(guard(AttributeText.toText(v)));
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static boolean trigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** A text cell as written: with a leading apostrophe when a spreadsheet would take it for a formula. */
    public static String guard(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\'') {
            i++;
        }
        return i < s.length() && trigger(s.charAt(i)) ? "'" + s : s;
    }

    /** The inverse of {@link #guard}. */
    public static String unguard(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\'') {
            i++;
        }
        return i > 0 && i < s.length() && trigger(s.charAt(i)) ? s.substring(1) : s;
    }
}
