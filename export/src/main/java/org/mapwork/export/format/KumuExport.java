package org.mapwork.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.schema.LinkType;
import org.mapwork.templates.MethodTemplate;

/**
 * The map as Kumu's JSON import: {@code {"elements": [{"label", "type", ...}], "connections": [{"from", "to",
 * "type", "direction"}]}}. Kumu joins connections to elements by label, so {@code from} and {@code to} are labels;
 * where a label is empty or shared by several nodes, the node's id is used instead (and written as {@code id}).
 * Attributes become fields of the same name. A {@code mapwork} object holds the map's header and map attributes.
 * Kumu has no place for positions, sizes, drawing order, styles or annotations: those are not written.
 */
public final class KumuExport {

    private static final ObjectMapper MAPPER = MapJson.newReadingMapper();

    private final Function<String, Optional<MethodTemplate>> methods;

    public KumuExport(Function<String, Optional<MethodTemplate>> methods) {
        this.methods = methods;
    }

    public void write(MapDocument doc, OutputStream out) throws IOException {
        out.write(MAPPER.writer(new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")))
                .writeValueAsBytes(tree(doc)));
        out.write('\n');
    }

    public ObjectNode tree(MapDocument doc) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        // Mapwork's own header (Kumu reads elements and connections and leaves other fields alone), so that the
        // file imports back as the same map: its id, title, method, creation time and map attributes
        ObjectNode header = root.putObject("mapwork");
        header.put("id", doc.id());
        header.put("title", doc.title());
        header.put("method", doc.methodId());
        header.put("created", doc.created().toString());
        ObjectNode mapAttrs = header.putObject("attributes");
        new java.util.TreeMap<>(doc.mapAttributes()).forEach((k, v) -> mapAttrs.set(k, AttributeText.json(v)));
        ArrayNode elements = root.putArray("elements");
        ArrayNode connections = root.putArray("connections");
        Map<String, Integer> labelCount = new HashMap<>();
        doc.nodes().forEach(n -> labelCount.merge(n.label(), 1, Integer::sum));
        for (Element n : doc.inDrawOrder()) {
            if (!n.isNode()) {
                continue;
            }
            ObjectNode o = elements.addObject();
            o.put("id", n.id());
            o.put("label", n.label());
            o.put("type", n.type());
            n.attributes().forEach((k, v) -> {
                if (!o.has(k)) {
                    o.set(k, AttributeText.json(v));
                }
            });
        }
        Map<String, LinkType> types = methods.apply(doc.methodId())
                .map(m -> m.schema().linkTypesOf(doc.mapAttributes())).orElse(Map.of());
        for (Element l : doc.inDrawOrder()) {
            if (!l.isLink()) {
                continue;
            }
            ObjectNode o = connections.addObject();
            o.put("id", l.id());
            o.put("from", reference(doc, l.source(), labelCount));
            o.put("to", reference(doc, l.target(), labelCount));
            o.put("type", l.type());
            LinkType t = types.get(l.type());
            o.put("direction", t == null || t.directed() ? "directed" : "mutual");
            if (!l.label().isEmpty()) {
                o.put("label", l.label());
            }
            l.attributes().forEach((k, v) -> {
                if (!o.has(k)) {
                    o.set(k, AttributeText.json(v));
                }
            });
        }
        return root;
    }

    private static String reference(MapDocument doc, String nodeId, Map<String, Integer> labelCount) {
        Element n = doc.element(nodeId);
        // a label that is shared, empty, or equal to some node's id would join the wrong element: use the id
        if (n == null || n.label().isBlank() || labelCount.getOrDefault(n.label(), 0) > 1 || doc.contains(n.label())) {
            return nodeId;
        }
        return n.label();
    }
}
