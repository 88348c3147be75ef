package org.mapwork.model.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;

/**
 * A map's elements as {@link MapJsonReader} reads them, one at a time, each with its place in the file
 * ({@code $.elements[i]}), made into the map at the end in one pass of the model's checks; a problem the model finds
 * is named by the JSON path of the element (and property) it is in.
 */
final class ReadElements {

    /** A map's header as read: the map without elements, its schema, and its attributes with their JSON paths. */
    record Header(MapDocument empty, Schema schema, List<Change> attributes, List<String> paths, Map<String, Value> mapValues) {
    }

    private final String source;
    private Header header;
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<Element> nodes = new ArrayList<>();
    private final List<Integer> nodeIndex = new ArrayList<>();
    private final List<Map.Entry<Integer, Element>> links = new ArrayList<>();

    ReadElements(String source, Header header) {
        this.source = source;
        this.header = header;
    }

    /** The header read to the end of the file (keys may follow the elements). */
    ReadElements withHeader(Header h) {
        header = h;
        return this;
    }

    /** Element {@code i} of the file. */
    void add(int i, Element e) throws MapFormatException {
        Integer first = seen.putIfAbsent(e.id(), i);
        if (first != null) {
            throw new MapFormatException(source, "$.elements[" + i + "].id", "duplicate id \"" + e.id()
                    + "\" (first at $.elements[" + first + "])");
        }
        if (e.isLink()) {
            links.add(Map.entry(i, e));
        } else {
            nodes.add(e);
            nodeIndex.add(i);
        }
    }

    /** The map: its attributes set, then its nodes and annotations, then its links (each link's ends are there). */
    MapDocument document() throws MapFormatException {
        seen.clear();
        MapDocument withAttributes;
        try {
            withAttributes = ChangeEngine.apply(header.empty(), header.schema(),
                    new ChangeSet(header.attributes(), "read " + source, header.empty().created())).after();
        } catch (ChangeRejected r) {
            String base = header.paths().get(r.changeIndex());
            throw new MapFormatException(source, pathOf(base, r.property(), r.problem()), r.problem());
        }
        links.sort(Map.Entry.comparingByKey()); // the links kept until the end go back to their places
        List<Element> all = new ArrayList<>(nodes.size() + links.size());
        all.addAll(nodes);
        links.forEach(l -> all.add(l.getValue()));
        try {
            return ChangeEngine.addAll(withAttributes, header.schema(), all);
        } catch (ChangeRejected r) {
            int at = r.changeIndex();
            int index = at < nodes.size() ? nodeIndex.get(at) : links.get(at - nodes.size()).getKey();
            throw new MapFormatException(source, pathOf("$.elements[" + index + "]", r.property(), r.problem()), r.problem());
        }
    }

    private static String pathOf(String base, String property, String problem) {
        if (base.startsWith("$.attributes")) {
            return base;
        }
        if (property.startsWith("attributes.")) {
            return base + ".attributes." + property.substring("attributes.".length());
        }
        if (property.equals("endpoints")) {
            return base + (problem.startsWith("target") ? ".target" : ".source");
        }
        if (property.equals("element")) {
            return base;
        }
        return base + "." + property;
    }
}
