package org.mapwork.collab.net;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.AttributeType;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.Finding;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.TowerHandle;

/**
 * What a browser needs to know of a map's method to offer its edits (docs/protocol.md section 8, {@code palette}):
 * the node types it may add and the link types it may draw, each named in English and Spanish, and the attribute a
 * Net-Map tower shows with its maximum. Link types may be the map's own (Net-Map's), so the palette follows the map.
 * Also the map's findings, the method's live checks, which the page lists.
 */
final class BrowserPalette {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Locale SPANISH = Locale.forLanguageTag("es");

    private BrowserPalette() {
    }

    /** The palette of {@code doc}'s method; an empty one for a method this hub does not know. */
    static ObjectNode of(MapDocument doc) {
        ObjectNode out = NODES.objectNode();
        out.put("method", doc.methodId());
        ArrayNode nodeTypes = out.putArray("nodeTypes");
        ArrayNode linkTypes = out.putArray("linkTypes");
        Optional<MethodTemplate> found = Methods.byId(doc.methodId());
        if (found.isEmpty()) {
            return out;
        }
        MethodTemplate method = found.get();
        Schema schema = method.schema();
        ResourceBundle en = method.texts(Locale.ENGLISH);
        ResourceBundle es = method.texts(SPANISH);
        for (NodeType t : schema.nodeTypes().values()) {
            ObjectNode n = nodeTypes.addObject().put("type", t.name());
            n.putObject("label").put("en", typeName(en, t.name())).put("es", typeName(es, t.name()));
        }
        for (Map.Entry<String, LinkType> e : schema.linkTypesOf(doc.mapAttributes()).entrySet()) {
            ObjectNode l = linkTypes.addObject().put("type", e.getKey()).put("directed", e.getValue().directed());
            if (schema.linkTypes().containsKey(e.getKey())) {
                l.putObject("label").put("en", typeName(en, e.getKey())).put("es", typeName(es, e.getKey()));
            } else {
                // the map's own link type: named as the map's legend names it, in the map's own words
                String label = method.presentation().linkLook(doc, Element.link("~", e.getKey(), "~", "~", "V")).typeLabel();
                l.putObject("label").put("en", label).put("es", label);
            }
        }
        method.tower().ifPresent(tower -> out.set("tower", tower(schema, tower)));
        BrowserMethodParts.addTo(out, method, doc, en, es);
        return out;
    }

    /**
     * The method's live checks of the map (what is missing or inconsistent, in the map's language), each with the
     * elements it concerns; none for a method this hub does not know.
     */
    static ArrayNode findings(MapDocument doc) {
        ArrayNode out = NODES.arrayNode();
        Methods.byId(doc.methodId()).ifPresent(m -> {
            for (Finding f : m.check(doc)) {
                ObjectNode o = out.addObject().put("severity", f.severity().name().toLowerCase(Locale.ROOT))
                        .put("message", f.message());
                f.elementIds().forEach(o.putArray("elements")::add);
            }
        });
        return out;
    }

    private static ObjectNode tower(Schema schema, TowerHandle tower) {
        ObjectNode t = NODES.objectNode().put("attribute", tower.attribute());
        ArrayNode types = t.putArray("types");
        long max = TowerHandle.DEFAULT_MAX;
        for (NodeType type : schema.nodeTypes().values()) {
            AttributeDef a = type.attribute(tower.attribute());
            if (a != null && a.type() == AttributeType.INTEGER) {
                types.add(type.name());
                if (a.max() != null) {
                    max = a.max().longValue();
                }
            }
        }
        return t.put("max", max);
    }

    private static String typeName(ResourceBundle texts, String type) {
        return texts.containsKey("type." + type) ? texts.getString("type." + type) : type;
    }
}
