package org.mapwork.templates.workshop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.AttributeType;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.common.Texts;

/**
 * A map made safe to leave the room: every name replaced by a code ({@code A1}, {@code A2}, ...) or by its actor
 * type ("Employer 2"), every free text dropped (notes, quotes, rationales, descriptions, the framing question, the
 * narrative, what teams drew differently), element ids replaced by neutral ones (ids are often made from names).
 * Numbers, choices, dates, geometry, links and the map's goals and link types stay, so the figure and the analysis
 * still say what the group found. What each code stood for comes back as a {@link #key}, for the facilitator's own
 * machine only. One transform for every export format, so that no format can leak what another hides.
 */
public final class ShareSafe {

    /** What names become. */
    public enum Mode {
        /** A code out of the type's initials and a number: {@code A1} for the first actor. */
        CODES,
        /** The actor's type (or the element's type), numbered when several share it: "Employer 2". */
        TYPES
    }

    /** One replaced name: its code, the element's type, its original name and id. */
    public record KeyEntry(String code, String type, String originalName, String originalId) {
    }

    /** The share-safe map and its key. */
    public record Result(MapDocument doc, List<KeyEntry> key) {
        public Result {
            key = List.copyOf(key);
        }

        /** The key as a table (code, type, name, id), for a CSV kept beside the original map. */
        public AnalysisReport keyTable() {
            AnalysisReport.Rows rows = new AnalysisReport.Rows();
            key.forEach(k -> rows.row().text(k.code()).text(k.type()).text(k.originalName()).text(k.originalId()));
            return new AnalysisReport(List.of(rows.table("share-safe key", List.of("code", "type", "name", "id"))));
        }
    }

    private final MethodTemplate method;
    private final MapDocument doc;
    private final Schema schema;
    private final ResourceBundle words;
    private final Map<String, String> ids = new HashMap<>();

    private ShareSafe(MethodTemplate method, MapDocument doc) {
        this.method = method;
        this.doc = doc;
        this.schema = method.schema();
        this.words = method.texts(Texts.of(doc));
    }

    /** The share-safe copy of {@code doc}, a map of {@code method}. */
    public static Result of(MethodTemplate method, MapDocument doc, Mode mode) {
        if (!method.id().equals(doc.methodId())) {
            throw new IllegalArgumentException("a " + doc.methodId() + " map given to the " + method.id() + " template");
        }
        return new ShareSafe(method, doc).build(mode);
    }

    private Result build(Mode mode) {
        List<Element> order = doc.inDrawOrder();
        int n = 0;
        for (Element e : order) {
            ids.put(e.id(), (e.isLink() ? "l" : e.isNode() ? "n" : "a") + (++n));
        }
        List<KeyEntry> key = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Long> sharing = new HashMap<>();
        if (mode == Mode.TYPES) {
            order.stream().filter(e -> !e.isLink() && !e.label().isBlank()).forEach(e -> sharing.merge(typeName(e), 1L, Long::sum));
        }
        List<Element> nodesAndAnnotations = new ArrayList<>();
        List<Element> links = new ArrayList<>();
        for (Element e : order) {
            String label = "";
            if (!e.isLink() && !e.label().isBlank()) {
                String base = mode == Mode.CODES ? initials(e.type()) : typeName(e);
                int number = counts.merge(base, 1, Integer::sum);
                label = mode == Mode.CODES ? base + number : sharing.get(base) > 1 ? base + " " + number : base;
                key.add(new KeyEntry(label, e.type(), e.label(), e.id()));
            }
            Element safe = e.withId(ids.get(e.id())).withLabel(label).withAttributes(safeAttributes(e));
            if (e.isLink()) {
                links.add(safe.withEndpoints(ids.get(e.source()), ids.get(e.target())));
            } else {
                nodesAndAnnotations.add(safe);
            }
        }
        List<Change> attributes = new ArrayList<>();
        safeMapAttributes().forEach((name, value) -> attributes.add(Change.setMapAttribute(name, value)));
        MapDocument out = MapDocument.empty(doc.id(), doc.title(), doc.methodId(), doc.created());
        out = ChangeEngine.apply(out, schema, ChangeSet.of("share-safe copy", attributes)).after();
        nodesAndAnnotations.addAll(links);
        return new Result(ChangeEngine.addAll(out, schema, nodesAndAnnotations), key);
    }

    /** Numbers, choices, dates and yes/no kept; free text dropped, except an id naming another element, re-pointed. */
    private Map<String, Value> safeAttributes(Element e) {
        ElementType type = schema.type(e.kind(), e.type(), doc.mapAttributes());
        Map<String, Value> out = new LinkedHashMap<>();
        e.attributes().forEach((name, value) -> {
            AttributeDef def = type == null ? null : type.attribute(name);
            if (def == null) {
                return;
            }
            if (def.type() == AttributeType.TEXT && value instanceof Value.Text t && ids.containsKey(t.value())
                    && method.references(doc, e.id(), name).isPresent()) {
                out.put(name, Value.text(ids.get(t.value())));
            } else if (keeps(def.type())) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static boolean keeps(AttributeType type) {
        return switch (type) {
            case TEXT, LONG_TEXT, ROWS -> false;
            case INTEGER, DECIMAL, ENUM, MULTI_ENUM, BOOLEAN, DATE -> true;
        };
    }

    /**
     * The map's numbers and choices, the rows elements choose from (goals, link types: the workshop's own categories,
     * needed to draw and read the map) and which teams drew what; free text dropped.
     */
    private Map<String, Value> safeMapAttributes() {
        Set<String> choosable = new java.util.HashSet<>();
        if (schema.mapDefinedLinkTypes() != null) {
            choosable.add(schema.mapDefinedLinkTypes().mapAttribute());
        }
        schema.nodeTypes().values().forEach(t -> t.attributes().forEach(a -> {
            if (a.optionsFrom() != null) {
                choosable.add(a.optionsFrom());
            }
        }));
        Map<String, Value> out = new LinkedHashMap<>();
        doc.mapAttributes().forEach((name, value) -> {
            AttributeDef def = schema.mapAttributes().get(name);
            if (def == null) {
                return;
            }
            if (name.equals(Provenance.ATTRIBUTE)) {
                List<Provenance.Entry> safe = Provenance.of(doc).values().stream().filter(p -> ids.containsKey(p.elementId()))
                        .map(p -> new Provenance.Entry(ids.get(p.elementId()), p.teams(), "")).toList();
                out.put(name, Provenance.rows(safe));
            } else if (keeps(def.type()) || def.type() == AttributeType.ROWS && choosable.contains(name)) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** {@code A} for actor, {@code LTO} for long-term-outcome. */
    private static String initials(String type) {
        StringBuilder sb = new StringBuilder();
        for (String part : type.split("[-_ ]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return sb.length() == 0 ? "E" : sb.toString();
    }

    /** An actor's type as the method names it ("Employer"); any other element's type ("Precondition"). */
    private String typeName(Element e) {
        if (e.attribute("actorType") instanceof Value.Text t && words.containsKey("option.actorType." + t.value())) {
            return words.getString("option.actorType." + t.value());
        }
        String key = "type." + e.type();
        return words.containsKey(key) ? words.getString(key) : e.type();
    }
}
