package org.mapwork.collab;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Style;
import org.mapwork.model.Value;

/**
 * One random gesture of any kind on one device's session, as a person would make it: against the map as that device
 * shows it. A gesture the device's own session refuses (a range, a link rule) is simply not made.
 */
final class RandomGestures {

    /** Kinds of gesture, for counting what a run exercised. */
    static final String[] KINDS = {"add node", "add link", "move", "rename", "remove node", "remove link", "attribute",
            "order", "title", "map attribute", "undo", "redo", "reconnect link", "add node with link", "type", "style", "add goal", "remove goal", "relabel goal", "layout", "paste", "stroke"};

    private RandomGestures() {
    }

    /** Makes one gesture; returns its kind's index, or -1 when it was not possible or refused. */
    static int make(MapSession s, Random rnd, String idPrefix, int[] counter) {
        MapDocument doc = s.document();
        List<Element> nodes = doc.nodes().toList();
        List<Element> links = doc.links().toList();
        List<Element> all = List.copyOf(doc.elements());
        int kind = rnd.nextInt(KINDS.length);
        try {
            switch (kind) {
                case 0 -> s.apply("Add", Change.add(node(idPrefix + counter[0]++, rnd, doc.nextOrderKey())));
                case 1 -> {
                    if (nodes.size() < 2) {
                        return -1;
                    }
                    Element a = pick(nodes, rnd);
                    Element b = pick(nodes, rnd);
                    if (a.id().equals(b.id())) {
                        return -1;
                    }
                    String type = List.of("funding", "conflict", "supports").get(rnd.nextInt(3));
                    s.apply("Link", Change.add(Element.link(idPrefix + counter[0]++, type, a.id(), b.id(), doc.nextOrderKey())));
                }
                case 2 -> {
                    if (nodes.isEmpty()) {
                        return -1;
                    }
                    Element n = pick(nodes, rnd);
                    s.apply("Move", Change.setGeometry(n.id(), n.geometry().movedBy(rnd.nextInt(200) - 100, rnd.nextInt(200) - 100)));
                }
                case 3 -> {
                    if (all.isEmpty()) {
                        return -1;
                    }
                    s.apply("Rename", Change.setLabel(pick(all, rnd).id(), "label " + rnd.nextInt(1000)));
                }
                case 4 -> {
                    if (nodes.isEmpty()) {
                        return -1;
                    }
                    s.apply("Remove", Change.remove(pick(nodes, rnd).id()));
                }
                case 5 -> {
                    if (links.isEmpty()) {
                        return -1;
                    }
                    s.apply("Remove link", Change.remove(pick(links, rnd).id()));
                }
                case 6 -> {
                    if (nodes.isEmpty()) {
                        return -1;
                    }
                    s.apply("Edit", attribute(doc, pick(nodes, rnd).id(), rnd));
                }
                case 7 -> {
                    if (all.isEmpty()) {
                        return -1;
                    }
                    s.apply("Order", Change.setOrder(pick(all, rnd).id(), orderKey(doc, rnd)));
                }
                case 8 -> s.apply("Title", Change.setTitle("Map " + rnd.nextInt(100)));
                case 9 -> s.apply("Question", Change.setMapAttribute("framingQuestion",
                        rnd.nextInt(4) == 0 ? null : Value.text("Who decides " + rnd.nextInt(100) + "?")));
                case 10 -> {
                    if (s.undo().isEmpty()) {
                        return -1;
                    }
                }
                case 11 -> {
                    if (s.redo().isEmpty()) {
                        return -1;
                    }
                }
                case 12 -> {
                    if (links.isEmpty() || nodes.size() < 2) {
                        return -1;
                    }
                    Element l = pick(links, rnd);
                    s.apply("Reconnect", Change.setEndpoints(l.id(), pick(nodes, rnd).id(), pick(nodes, rnd).id()));
                }
                case 13 -> {
                    if (nodes.isEmpty()) {
                        return -1;
                    }
                    String id = idPrefix + counter[0]++;
                    String key = doc.nextOrderKey();
                    s.apply("Add linked", Change.add(node(id, rnd, key).withType("actor")),
                            Change.add(Element.link(idPrefix + counter[0]++, "funding", id, pick(nodes, rnd).id(), OrderKey.after(key))));
                }
                case 14 -> {
                    if (nodes.isEmpty()) {
                        return -1;
                    }
                    Element n = pick(nodes, rnd);
                    s.apply("Type", Change.setType(n.id(), n.type().equals("actor") ? "issue" : "actor"));
                }
                case 16 -> s.apply("Add goal", Change.setMapAttribute("goals", withRow(doc.mapAttribute("goals"),
                        "g" + idPrefix + counter[0]++)));
                case 17 -> {
                    List<Map<String, Value>> rows = rows(doc.mapAttribute("goals"));
                    if (rows.isEmpty()) {
                        return -1;
                    }
                    List<Map<String, Value>> rest = new ArrayList<>(rows);
                    rest.remove(rnd.nextInt(rest.size()));
                    s.apply("Remove goal", Change.setMapAttribute("goals", new Value.Rows(rest)));
                }
                case 18 -> {
                    List<Map<String, Value>> rows = new ArrayList<>(rows(doc.mapAttribute("goals")));
                    if (rows.isEmpty()) {
                        return -1;
                    }
                    int i = rnd.nextInt(rows.size());
                    rows.set(i, Map.of("id", rows.get(i).get("id"), "label", Value.text("goal " + rnd.nextInt(100))));
                    s.apply("Relabel goal", Change.setMapAttribute("goals", new Value.Rows(rows)));
                }
                case 19 -> {
                    List<Change> moves = new ArrayList<>();
                    for (Element n : nodes) {
                        if (rnd.nextBoolean()) {
                            moves.add(Change.setGeometry(n.id(), n.geometry().movedTo(rnd.nextInt(800), rnd.nextInt(600))));
                        }
                    }
                    if (moves.isEmpty()) {
                        return -1;
                    }
                    s.apply(ChangeSet.of("Layout", moves));
                }
                case 20 -> {
                    // a pasted fragment: three nodes linked in a row, keys counted up from the top
                    List<Change> paste = new ArrayList<>();
                    String key = doc.nextOrderKey();
                    String previous = null;
                    for (int i = 0; i < 3; i++) {
                        String id = idPrefix + counter[0]++;
                        paste.add(Change.add(node(id, rnd, key).withType("actor")));
                        key = OrderKey.after(key);
                        if (previous != null) {
                            paste.add(Change.add(Element.link(idPrefix + counter[0]++, "conflict", previous, id, key)));
                            key = OrderKey.after(key);
                        }
                        previous = id;
                    }
                    s.apply(ChangeSet.of("Paste", paste));
                }
                case 21 -> {
                    List<org.mapwork.model.Point> points = new ArrayList<>();
                    for (int i = 0, n = 2 + rnd.nextInt(6); i < n; i++) {
                        points.add(new org.mapwork.model.Point(rnd.nextInt(800), rnd.nextInt(600)));
                    }
                    s.apply("Stroke", Change.add(Element.annotation(idPrefix + counter[0]++, "stroke", "",
                            Geometry.stroke(points), doc.nextOrderKey())));
                }
                default -> {
                    if (all.isEmpty()) {
                        return -1;
                    }
                    s.apply("Style", Change.setStyle(pick(all, rnd).id(),
                            new Style(rnd.nextBoolean() ? "#1f77b4" : null, rnd.nextBoolean() ? "ellipse" : null)));
                }
            }
            return kind;
        } catch (ChangeRejected | IllegalArgumentException refused) {
            // refused here (a rule, a range, a link between the same node twice): the person sees a message and moves on
            return -1;
        }
    }

    private static Element node(String id, Random rnd, String key) {
        return Element.node(id, rnd.nextBoolean() ? "actor" : "issue", "node " + id,
                Geometry.box(rnd.nextInt(800), rnd.nextInt(600), 100, 50), key);
    }

    private static List<Map<String, Value>> rows(Value v) {
        return v instanceof Value.Rows r ? r.rows() : List.of();
    }

    private static Value.Rows withRow(Value rows, String id) {
        List<Map<String, Value>> out = new ArrayList<>(rows(rows));
        out.add(Map.of("id", Value.text(id), "label", Value.text("goal " + id)));
        return new Value.Rows(out);
    }

    private static Change attribute(MapDocument doc, String id, Random rnd) {
        return switch (rnd.nextInt(7)) {
            case 0 -> Change.setAttribute(id, "influence", Value.integer(rnd.nextInt(12)));
            case 1 -> Change.setAttribute(id, "notes", rnd.nextInt(3) == 0 ? null : Value.text("note " + rnd.nextInt(100)));
            case 2 -> Change.setAttribute(id, "ally", Value.bool(rnd.nextBoolean()));
            case 3 -> Change.setAttribute(id, "since", Value.date(LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(700))));
            case 4 -> Change.setAttribute(id, "interest", Value.decimal(rnd.nextInt(11) / 10.0));
            case 5 -> {
                List<String> goals = new ArrayList<>();
                for (Map<String, Value> row : rows(doc.mapAttribute("goals"))) {
                    if (rnd.nextBoolean()) {
                        goals.add(((Value.Text) row.get("id")).value());
                    }
                }
                yield Change.setAttribute(id, "goals", new Value.TextList(goals));
            }
            default -> Change.setAttribute(id, "indicators", new Value.Rows(List.of(
                    Map.of("measure", Value.text("claims"), "target", Value.integer(rnd.nextInt(50))))));
        };
    }

    /** On top, at the back, or between two neighbours in draw order. */
    private static String orderKey(MapDocument doc, Random rnd) {
        List<Element> drawn = doc.inDrawOrder();
        int choice = rnd.nextInt(3);
        if (choice == 0 || drawn.size() < 2) {
            return doc.nextOrderKey();
        }
        if (choice == 1) {
            return OrderKey.before(doc.backOrderKey());
        }
        int i = rnd.nextInt(drawn.size() - 1);
        return OrderKey.between(drawn.get(i).order(), drawn.get(i + 1).order());
    }

    private static <T> T pick(List<T> list, Random rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    static List<String> kindNames() {
        return new ArrayList<>(List.of(KINDS));
    }
}
