package org.mapwork.editor.map;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mapwork.editor.canvas.BoxHitTester;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Stamp;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/** A small power-map-like method ({@link TestMethod}) and maps for the editor's tests, independent of the shipped templates. */
public final class TestMaps {

    public static final Schema SCHEMA = Schema.builder("test-map")
            .node(NodeType.of("actor", AttributeDef.integer(TestMethod.INFLUENCE, 0L, 10L), AttributeDef.date("since")))
            .node(NodeType.of("picture", AttributeDef.text("pictogram")))
            .link(LinkType.any("funding", true))
            .link(LinkType.any("information", false))
            .build();

    public static final SchemaRegistry SCHEMAS = new SchemaRegistry() {
        @Override
        public Optional<Schema> schema(String methodId) {
            return SCHEMA.methodId().equals(methodId) ? Optional.of(SCHEMA) : Optional.empty();
        }

        @Override
        public java.util.Collection<String> methodIds() {
            return Set.of(SCHEMA.methodId());
        }
    };

    private TestMaps() {
    }

    public static MapDocument empty() {
        return MapDocument.empty("m-test", "Test map", SCHEMA.methodId(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A session with three actors a (0,0), b (300,0), c (0,200), each 100×50. */
    public static MapSession threeActors() {
        MapSession s = new MapSession(empty(), SCHEMA, "tester", 0);
        s.apply("setup",
                Change.add(Element.node("a", "actor", "Employers", Geometry.box(0, 0, 100, 50), "1")),
                Change.add(Element.node("b", "actor", "Union", Geometry.box(300, 0, 100, 50), "2")),
                Change.add(Element.node("c", "actor", "Clinic", Geometry.box(0, 200, 100, 50), "3")));
        s.history().clear();
        return s;
    }

    /** The test maps' method (towers on its actors). */
    public static final TestMethod METHOD = new TestMethod();

    public static MapViewModel viewModel(MapSession session) {
        MapViewModel vm = new MapViewModel(session, METHOD, SCHEMAS, new BoxHitTester(), ClipboardPort.inMemory());
        vm.camera().setViewSize(800, 600);
        return vm;
    }

    /** A change made by another device (already stamped), as the library or the hub would deliver it. */
    public static ChangeSet remote(Change... changes) {
        List<Change> stamped = new java.util.ArrayList<>();
        long seq = 1000;
        for (Change c : changes) {
            stamped.add(c.withStamp(new Stamp("other-device", ++seq)));
        }
        return new ChangeSet(stamped, "remote", Instant.now());
    }

    public static Map<String, Geometry> geometries(MapDocument doc) {
        Map<String, Geometry> out = new java.util.TreeMap<>();
        doc.elements().forEach(e -> out.put(e.id(), e.geometry()));
        return out;
    }
}
