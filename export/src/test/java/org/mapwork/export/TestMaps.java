package org.mapwork.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.ElementKind;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Point;
import org.mapwork.model.Style;
import org.mapwork.model.Value;

/** Maps for export tests, built through the change engine like any real map. */
public final class TestMaps {

    public static final Instant CREATED = Instant.parse("2026-11-22T09:30:00Z");

    private TestMaps() {
    }

    /** A small power map of a workers' centre's campaign: actors, an issue, parallel links, annotations. */
    public static MapDocument workersCentre() {
        Builder b = new Builder("m-workers-centre", "Paid sick leave for warehouse temps");
        b.mapAttribute("team", Value.text("Group B"));
        b.mapAttribute("question", Value.text("Who can win paid sick leave for temp workers in the warehouses?"));
        b.actor("a-union", "Warehouse Workers Union", 40, 60, 7, "for")
                .withAttribute("tags", Value.list("union"))
                .withAttribute("notes", Value.text("Organizing drive since March;\nmeets Thursdays"));
        b.actor("a-agency", "Temp staffing agency \"QuickHire\" & partners", 320, 40, 5, "against");
        b.actor("a-ministry", "Ministry of Labour", 620, 70, 9, "unsure")
                .withAttribute("budget", Value.decimal(125000.5))
                .withAttribute("due", Value.date(LocalDate.of(2027, 3, 1)))
                .withAttribute("active", Value.bool(true))
                .withAttribute("indicators", new Value.Rows(List.of(Map.of("what", Value.text("inspections"), "target", Value.integer(40)))));
        b.actor("a-clinic", "Community health clinic", 170, 260, 3, "for");
        b.node("i-sick", "issue", "Paid sick leave", 460, 280, 170, 70);
        b.link("l1", "funding", "a-ministry", "a-clinic", "grant 2026");
        b.link("l2", "advice", "a-union", "a-clinic", "");
        b.link("l3", "conflict", "a-union", "a-agency", "");
        b.link("l4", "funding", "a-agency", "a-union", "");
        b.link("l5", "advice", "a-union", "a-agency", "");
        b.link("l6", "advice", "a-ministry", "i-sick", "");
        b.link("l7", "conflict", "a-agency", "i-sick", "");
        b.annotation("t-note", "text", "Ask the clinic about sick notes for temps", Geometry.box(40, 380, 220, 40));
        b.annotation("f-frame", "frame", "Employers", Geometry.box(300, 20, 210, 110));
        b.annotation("s-arrow", "stroke", "", Geometry.stroke(List.of(new Point(300, 420), new Point(380, 400), new Point(450, 350))))
                .withAttribute("arrow", Value.bool(true));
        return b.build();
    }

    /** Labels that must neither open a script vector nor be altered on their way through any file. */
    public static final java.util.List<String> HOSTILE_LABELS = java.util.List.of(
            "<script>alert('x')</script>",
            "\" onload=\"alert(1)\" x=\"",
            "javascript:alert(document.cookie)",
            "Tom & Jerry's \"quote\" <b>bold</b> ]]> <!-- c --> &amp; &#x41;",
            "ctrl\u0001\u0008\u001b chars\ttab",
            "עובדים זמניים — العمال المؤقتون",
            "Workers 👷‍♀️🏭✊🏽",
            "<svg onload=alert(1)><a xlink:href=\"http://evil.example/\">x</a><foreignObject/></svg>",
            "L".repeat(4000) + " " + "x".repeat(5999));

    /** A map whose labels, title and attributes are hostile. */
    public static MapDocument hostile() {
        Builder b = new Builder("m-hostile", "<script>alert(\"title\")</script> & co");
        b.mapAttribute("team", Value.text("\" onmouseover=\"alert(1)"));
        for (int i = 0; i < HOSTILE_LABELS.size(); i++) {
            b.actor("h" + i, HOSTILE_LABELS.get(i), (i % 3) * 260, (i / 3) * 160, i, i % 2 == 0 ? "for" : "against")
                    .withAttribute("notes", Value.text(HOSTILE_LABELS.get((i + 1) % HOSTILE_LABELS.size())));
        }
        b.link("hl0", "funding", "h0", "h1", "<img src=x onerror=alert(1)>");
        b.link("hl1", "advice", "h1", "h2", "javascript:void(0)");
        return b.build();
    }

    /** A grid of {@code n} actors with about 1.5 links per actor, for culling and benchmark-sized tests. */
    public static MapDocument grid(int n, int linksPerNode) {
        Builder b = new Builder("m-grid", "Grid of " + n);
        int cols = (int) Math.ceil(Math.sqrt(n));
        for (int i = 0; i < n; i++) {
            b.node("n" + i, "actor", "Actor " + i, (i % cols) * 200, (i / cols) * 120, 150, 60);
        }
        int l = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 1; k <= linksPerNode; k++) {
                int j = (i + k * (k == 1 ? 1 : cols)) % n;
                if (j != i) {
                    b.link("l" + l++, k % 2 == 0 ? "advice" : "funding", "n" + i, "n" + j, "");
                }
            }
        }
        return b.build();
    }

    /** Builds a map element by element; {@code build()} applies everything through the change engine. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<Change> mapChanges = new ArrayList<>();
        private final List<Element[]> nodes = new ArrayList<>();
        private final List<Element> links = new ArrayList<>();
        private String order = OrderKey.first();

        public Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public void mapAttribute(String name, Value v) {
            mapChanges.add(Change.setMapAttribute(name, v));
        }

        private String nextOrder() {
            String o = order;
            order = OrderKey.after(order);
            return o;
        }

        public Ref actor(String id, String label, double x, double y, long influence, String stance) {
            Ref r = node(id, "actor", label, x, y, 170, 64);
            r.withAttribute("influence", Value.integer(influence));
            if (stance != null) {
                r.withAttribute("stance", Value.text(stance));
            }
            return r;
        }

        public Ref node(String id, String type, String label, double x, double y, double w, double h) {
            Element[] holder = {Element.node(id, type, label, Geometry.box(x, y, w, h), nextOrder())};
            nodes.add(holder);
            return new Ref(holder);
        }

        public Ref annotation(String id, String type, String label, Geometry g) {
            Element[] holder = {Element.annotation(id, type, label, g, nextOrder())};
            nodes.add(holder);
            return new Ref(holder);
        }

        public Ref link(String id, String type, String source, String target, String label) {
            Element[] holder = {Element.link(id, type, source, target, nextOrder()).withLabel(label)};
            nodes.add(holder);
            return new Ref(holder);
        }

        public MapDocument build() {
            List<Change> all = new ArrayList<>(mapChanges);
            List<Change> linkChanges = new ArrayList<>();
            for (Element[] e : nodes) {
                (e[0].kind() == ElementKind.LINK ? linkChanges : all).add(Change.add(e[0]));
            }
            all.addAll(linkChanges);
            MapDocument empty = MapDocument.empty(id, title, TestMethod.ID, CREATED);
            return ChangeEngine.apply(empty, TestMethod.SCHEMA, new ChangeSet(all, "build", CREATED)).after();
        }
    }

    /** A handle to tweak an element before the map is built. */
    public static final class Ref {
        private final Element[] holder;

        Ref(Element[] holder) {
            this.holder = holder;
        }

        public Ref withAttribute(String name, Value v) {
            holder[0] = holder[0].withAttribute(name, v);
            return this;
        }

        public Ref withStyle(Style s) {
            holder[0] = holder[0].withStyle(s);
            return this;
        }

        public Ref withLabel(String label) {
            holder[0] = holder[0].withLabel(label);
            return this;
        }
    }
}
