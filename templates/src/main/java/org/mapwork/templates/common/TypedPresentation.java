package org.mapwork.templates.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.function.Function;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.MapDefinedLinkTypes;
import org.mapwork.model.schema.Schema;


import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.LinkLook;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Presentation;

/**
 * A presentation driven by type: one look per node type and per fixed link type, looks of map-defined link types
 * from the map's rows, a legend of the types the map uses. Methods extend it for towers, badges and backdrops.
 */
public class TypedPresentation implements Presentation {

    /** How nodes of one type look (the type label comes from the texts). */
    public record NodeStyle(String shape, String fill, String stroke, String textColour, String pictogram) {
    }

    /** How links of one fixed type look. */
    public record LinkStyle(String colour, boolean directed, String dash, double width) {
    }

    private static final String[] DASHES = {"solid", "dashed", "dotted"};

    protected final Schema schema;
    protected final Function<MapDocument, Texts> texts;
    private final Map<String, NodeStyle> nodeStyles;
    private final Map<String, LinkStyle> linkStyles;

    public TypedPresentation(Schema schema, Function<MapDocument, Texts> texts, Map<String, NodeStyle> nodeStyles,
                             Map<String, LinkStyle> linkStyles) {
        this.schema = schema;
        this.texts = texts;
        this.nodeStyles = new LinkedHashMap<>(nodeStyles);
        this.linkStyles = new LinkedHashMap<>(linkStyles);
    }

    protected NodeStyle nodeStyle(MapDocument doc, Element node) {
        NodeStyle s = nodeStyles.get(node.type());
        return s != null ? s : new NodeStyle("rounded", Palette.TINT_GREY, Palette.GREY, Palette.TEXT, null);
    }

    /** The short type name shown on a node; by default the type's display name. */
    protected String typeLabel(MapDocument doc, Element node) {
        return texts.apply(doc).typeName(node.type());
    }

    @Override
    public NodeLook nodeLook(MapDocument doc, Element node) {
        NodeStyle s = nodeStyle(doc, node);
        return new NodeLook(s.shape(), s.fill(), s.stroke(), s.textColour(), s.pictogram(), typeLabel(doc, node));
    }

    @Override
    public LinkLook linkLook(MapDocument doc, Element link) {
        LinkStyle s = linkStyles.get(link.type());
        if (s != null) {
            return new LinkLook(s.colour(), s.directed(), s.dash(), s.width(), texts.apply(doc).typeName(link.type()));
        }
        MapDefinedLinkTypes defined = schema.mapDefinedLinkTypes();
        if (defined != null && doc.mapAttribute(defined.mapAttribute()) instanceof Value.Rows rows) {
            for (int i = 0; i < rows.rows().size(); i++) {
                Map<String, Value> row = rows.rows().get(i);
                if (row.get("id") instanceof Value.Text id && id.value().equals(link.type())) {
                    String colour = row.get("colour") instanceof Value.Text c && org.mapwork.model.Style.isColour(c.value())
                            ? c.value() : Palette.GREY;
                    boolean directed = !(row.get("directed") instanceof Value.Bool d) || d.value();
                    String label = row.get("label") instanceof Value.Text l && !l.value().isBlank() ? l.value() : id.value();
                    return new LinkLook(colour, directed, DASHES[i % DASHES.length], 2.0, label);
                }
            }
        }
        return new LinkLook(Palette.GREY, true, "solid", 1.5, link.type());
    }

    /** Node types, then link types, that the map uses, in schema order. */
    @Override
    public List<LegendEntry> legend(MapDocument doc) {
        List<LegendEntry> out = new ArrayList<>();
        Set<String> nodeTypes = new LinkedHashSet<>();
        doc.nodes().forEach(n -> nodeTypes.add(n.type()));
        Texts t = texts.apply(doc);
        for (String type : schema.nodeTypes().keySet()) {
            if (nodeTypes.contains(type)) {
                NodeStyle s = nodeStyles.getOrDefault(type, new NodeStyle("rounded", Palette.TINT_GREY, Palette.GREY, Palette.TEXT, null));
                out.add(new LegendEntry(LegendEntry.Kind.NODE, t.typeName(type), s.fill(), s.shape(), s.pictogram(), null, false));
            }
        }
        Map<String, Element> firstLinkOfType = new LinkedHashMap<>();
        doc.links().forEach(l -> firstLinkOfType.putIfAbsent(l.type(), l));
        for (String type : schema.linkTypesOf(doc.mapAttributes()).keySet()) {
            Element l = firstLinkOfType.get(type);
            if (l != null) {
                LinkLook look = linkLook(doc, l);
                out.add(new LegendEntry(LegendEntry.Kind.LINK, look.typeLabel(), look.colour(), null, null, look.dash(), look.directed()));
            }
        }
        return out;
    }
}
