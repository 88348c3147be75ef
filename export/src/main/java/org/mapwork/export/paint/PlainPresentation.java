package org.mapwork.export.paint;

import java.util.ArrayList;
import java.util.List;

import java.util.TreeSet;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;


import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.LinkLook;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Presentation;

/**
 * The look used when a map's method is unknown to this build: each type gets a colour of the colour-blind-safe
 * palette in the order of its name, so a map still draws legibly and the same way every time.
 */
final class PlainPresentation implements Presentation {

    private final java.util.Map<String, String> nodeColours = new java.util.HashMap<>();
    private final java.util.Map<String, String> linkColours = new java.util.HashMap<>();

    /** A look for this document's types (colours are assigned by type name, once). */
    PlainPresentation(MapDocument doc) {
        int i = 0;
        for (String t : types(doc, true)) {
            nodeColours.put(t, Colours.OKABE_ITO.get(i++ % Colours.OKABE_ITO.size()));
        }
        i = 0;
        for (String t : types(doc, false)) {
            linkColours.put(t, Colours.OKABE_ITO.get(i++ % Colours.OKABE_ITO.size()));
        }
    }

    @Override
    public NodeLook nodeLook(MapDocument doc, Element node) {
        String colour = paletteColour(doc, node);
        String fill = Colours.hex(Colours.tint(Colours.parse(colour, java.awt.Color.GRAY), 0.75));
        return new NodeLook("rounded", fill, colour, "#1a1a1a", null, null);
    }

    @Override
    public LinkLook linkLook(MapDocument doc, Element link) {
        return new LinkLook(paletteColour(doc, link), true, "solid", 1.5, link.type());
    }

    @Override
    public List<LegendEntry> legend(MapDocument doc) {
        List<LegendEntry> out = new ArrayList<>();
        for (String t : types(doc, true)) {
            Element sample = doc.nodes().filter(e -> e.type().equals(t)).findFirst().orElseThrow();
            NodeLook look = nodeLook(doc, sample);
            out.add(new LegendEntry(LegendEntry.Kind.NODE, t, look.fill(), look.shape(), null, null, false));
        }
        for (String t : types(doc, false)) {
            Element sample = doc.links().filter(e -> e.type().equals(t)).findFirst().orElseThrow();
            LinkLook look = linkLook(doc, sample);
            out.add(new LegendEntry(LegendEntry.Kind.LINK, t, look.colour(), null, null, look.dash(), look.directed()));
        }
        return out;
    }

    private static TreeSet<String> types(MapDocument doc, boolean nodes) {
        TreeSet<String> types = new TreeSet<>();
        (nodes ? doc.nodes() : doc.links()).forEach(e -> types.add(e.type()));
        return types;
    }

    private String paletteColour(MapDocument doc, Element e) {
        String c = (e.isNode() ? nodeColours : linkColours).get(e.type());
        return c != null ? c : Colours.OKABE_ITO.get(0);
    }
}
