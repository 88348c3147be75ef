package org.mapwork.collab.net;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.AnnotationType;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.AttributeType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.FacilitationStep;
import org.mapwork.templates.LineHandle;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.PictogramStamp;
import org.mapwork.templates.Pictograms;
import org.mapwork.templates.toc.TheoryOfChangeEdits;
import org.mapwork.templates.toc.TheoryOfChangeTemplate;

/**
 * The parts of a browser's palette that come from what a method adds beyond types (docs/protocol.md section 8): the
 * goals an element holds out of the map's rows (Net-Map's goals with their stance), an element's rows (a theory of
 * change's indicators), the theory of change's "add precondition below", the method's line (the ceiling of
 * accountability), the facilitation steps with their questions, the rich picture's pictograms to stamp and the
 * annotation type a freehand stroke is. All of it is read from the method's schema and
 * templates, so the page builds the same change sets the desktop's method actions build, from rules it is given
 * rather than a copy of the method's logic.
 */
final class BrowserMethodParts {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A stamped sticker's box, as the desktop's stamp tool makes it (MapViewModel.stampPictogram). */
    static final int STICKER_SIZE = 64;

    private BrowserMethodParts() {
    }

    /** Adds the method's parts to {@code out} (a palette), each only when the method has it. */
    static void addTo(ObjectNode out, MethodTemplate method, MapDocument doc, ResourceBundle en, ResourceBundle es) {
        Schema schema = method.schema();
        ArrayNode rows = NODES.arrayNode();
        for (NodeType t : schema.nodeTypes().values()) {
            for (AttributeDef a : t.attributes()) {
                if (a.type() == AttributeType.MULTI_ENUM && a.optionsFrom() != null && !out.has("held")) {
                    AttributeDef from = schema.mapAttributes().get(a.optionsFrom());
                    if (from != null && from.type() == AttributeType.ROWS) {
                        out.set("held", held(schema, a, from, en, es));
                    }
                }
                if (a.type() == AttributeType.ROWS && rows.findValues("attribute").stream()
                        .noneMatch(n -> n.asText().equals(a.name()))) {
                    rows.add(rowsPart(schema, a, en, es));
                }
            }
        }
        if (!rows.isEmpty()) {
            out.set("rows", rows);
        }
        if (method.id().equals(TheoryOfChangeTemplate.ID)) {
            out.set("below", below(schema, doc));
        }
        method.line().ifPresent(line -> out.set("line", line(line, en, es)));
        List<FacilitationStep> stepsEn = method.steps(Locale.ENGLISH);
        List<FacilitationStep> stepsEs = method.steps(BrowserPalette.SPANISH);
        ArrayNode steps = out.putArray("steps");
        for (int i = 0; i < stepsEn.size(); i++) {
            FacilitationStep s = stepsEn.get(i);
            FacilitationStep e = i < stepsEs.size() ? stepsEs.get(i) : s;
            ObjectNode o = steps.addObject().put("id", s.id());
            o.putObject("title").put("en", s.title()).put("es", e.title());
            o.putObject("question").put("en", s.question()).put("es", e.question());
        }
        method.framingQuestion(doc).ifPresent(q -> out.put("framingQuestion", q));
        method.pictograms().ifPresent(stamp -> out.set("pictograms", pictograms(schema, stamp, en, es)));
        schema.annotationTypes().values().stream().filter(t -> t.form() == AnnotationType.Form.STROKE).findFirst()
                .ifPresent(t -> out.put("stroke", t.name()));
    }

    /** The stamp tool's pictograms: the node type a sticker is, the attribute naming it, and the names it takes. */
    private static ObjectNode pictograms(Schema schema, PictogramStamp stamp, ResourceBundle en, ResourceBundle es) {
        ObjectNode o = NODES.objectNode().put("type", stamp.nodeType()).put("attribute", stamp.symbol())
                .put("size", STICKER_SIZE);
        ArrayNode names = o.putArray("names");
        NodeType type = schema.nodeTypes().get(stamp.nodeType());
        AttributeDef symbol = type == null ? null : type.attribute(stamp.symbol());
        for (String name : symbol != null && symbol.options() != null ? symbol.options() : List.copyOf(Pictograms.names())) {
            names.addObject().put("value", name).set("label", label(en, es, "option." + stamp.symbol() + "." + name, name));
        }
        return o;
    }

    /** Goals held by id out of the map's rows: who holds them, the rows' columns and their choice (the stance). */
    private static ObjectNode held(Schema schema, AttributeDef held, AttributeDef from, ResourceBundle en, ResourceBundle es) {
        ObjectNode o = NODES.objectNode().put("attribute", held.name()).put("mapAttribute", from.name());
        o.set("label", label(en, es, "attr." + held.name(), held.name()));
        ArrayNode types = o.putArray("types");
        schema.nodeTypes().values().stream().filter(t -> t.attribute(held.name()) != null).forEach(t -> types.add(t.name()));
        o.set("columns", columns(from, en, es));
        for (AttributeDef c : from.columns()) {
            if (c.type() == AttributeType.ENUM && c.options() != null) {
                ObjectNode choice = o.putObject("choice").put("column", c.name());
                ArrayNode options = choice.putArray("options");
                for (String option : c.options()) {
                    options.addObject().put("value", option)
                            .set("label", label(en, es, "option." + c.name() + "." + option, option));
                }
                break;
            }
        }
        return o;
    }

    private static ObjectNode rowsPart(Schema schema, AttributeDef a, ResourceBundle en, ResourceBundle es) {
        ObjectNode o = NODES.objectNode().put("attribute", a.name());
        o.set("label", label(en, es, "attr." + a.name(), a.name()));
        ArrayNode types = o.putArray("types");
        schema.nodeTypes().values().stream().filter(t -> {
            AttributeDef d = t.attribute(a.name());
            return d != null && d.type() == AttributeType.ROWS;
        }).forEach(t -> types.add(t.name()));
        o.set("columns", columns(a, en, es));
        return o;
    }

    private static ArrayNode columns(AttributeDef rows, ResourceBundle en, ResourceBundle es) {
        ArrayNode out = NODES.arrayNode();
        for (AttributeDef c : rows.columns()) {
            out.addObject().put("name", c.name()).put("type", c.type().jsonName()).put("required", c.required())
                    .set("label", label(en, es, "attr." + c.name(), c.name()));
        }
        return out;
    }

    /** "Add precondition below": the new node's type and box, and the causal link type into each type it may lead to. */
    private static ObjectNode below(Schema schema, MapDocument doc) {
        TheoryOfChangeEdits.Below b = TheoryOfChangeEdits.below();
        ObjectNode o = NODES.objectNode().put("type", b.type()).put("width", b.width()).put("height", b.height())
                .put("gap", b.gap());
        ObjectNode into = o.putObject("links");
        for (String type : schema.nodeTypes().keySet()) {
            TheoryOfChangeEdits.causalInto(doc, type).ifPresent(link -> into.put(type, link));
        }
        return o;
    }

    private static ObjectNode line(LineHandle line, ResourceBundle en, ResourceBundle es) {
        ObjectNode o = NODES.objectNode().put("attribute", line.mapAttribute()).put("step", line.step());
        o.set("label", label(en, es, "line.name", line.mapAttribute()));
        return o;
    }

    private static ObjectNode label(ResourceBundle en, ResourceBundle es, String key, String otherwise) {
        return NODES.objectNode().put("en", en.containsKey(key) ? en.getString(key) : otherwise)
                .put("es", es.containsKey(key) ? es.getString(key) : en.containsKey(key) ? en.getString(key) : otherwise);
    }
}
