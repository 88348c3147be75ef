package org.mapwork.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.MapParts;
import org.mapwork.export.paint.RandomEdits;
import org.mapwork.export.paint.RandomEdits.Edit;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.netmap.Actors;
import org.mapwork.templates.toc.TheoryOfChangeTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The map as SVG fragments for the browser: one well-formed {@code <g data-key>} per element and per part of the map,
 * labels as escaped text, and updates that bring the previous scene to exactly the scene drawn afresh.
 */
class SvgSceneTest {

    private static final List<String> METHODS = Methods.all().stream().map(MethodTemplate::id).toList();
    /** Edits beyond {@link RandomEdits}: the map's title, and the map attribute its method draws (heading, ceiling). */
    private static final int TITLE = RandomEdits.KINDS, MAP_ATTRIBUTE = RandomEdits.KINDS + 1;

    @Example
    void everyElementAndPartIsOneGroupWithItsKeyInDrawingOrder() throws Exception {
        for (String methodId : METHODS) {
            MapDocument doc = Methods.byId(methodId).orElseThrow().starter(true, Locale.ENGLISH);
            MapPainter painter = new MapPainter();
            SvgScene.Scene scene = new SvgScene(painter).scene(doc);
            Set<String> keys = new HashSet<>();
            for (SvgScene.Fragment f : scene.fragments()) {
                assertTrue(keys.add(f.key()), methodId + ": key twice " + f.key());
                Document parsed = parse(f.svg());
                assertEquals("g", parsed.getDocumentElement().getTagName(), methodId + ": " + f.key());
                assertEquals(f.key(), parsed.getDocumentElement().getAttribute("data-key"));
                assertEquals(0, parsed.getElementsByTagName("defs").getLength() + parsed.getElementsByTagName("clipPath").getLength()
                        + parsed.getElementsByTagName("image").getLength(), methodId + ": " + f.key() + " needs nothing outside itself");
            }
            List<String> elements = scene.order().stream().filter(k -> !MapParts.isMapPart(k)).toList();
            List<String> drawn = painter.elementsIn(doc, painter.extent(doc, org.mapwork.export.paint.RenderOptions.file()));
            assertEquals(drawn, elements, methodId + ": the elements in the painter's drawing order");
            assertEquals(MapParts.BACKGROUND, scene.order().get(0), methodId);
            assertTrue(keys.contains(MapParts.LEGEND) && keys.contains(MapParts.TITLE), methodId + ": legend and title " + keys);
            Document whole = parse(scene.svg());
            assertEquals(scene.fragments().size(), whole.getDocumentElement().getChildNodes().getLength());
        }
        MapDocument toc = Methods.byId("theory-of-change").orElseThrow().starter(true, Locale.ENGLISH);
        assertTrue(new SvgScene(new MapPainter()).scene(toc).order().contains("~ceiling"), "the theory of change's ceiling");
        MapDocument netMap = Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
        assertTrue(new SvgScene(new MapPainter()).scene(netMap).order().contains(MapParts.HEADING), "the Net-Map's question");
    }

    @Example
    void aLabelIsTextAndAHostileOneStaysText() throws Exception {
        MethodTemplate method = Methods.byId("net-map").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        Element actor = doc.nodes().findFirst().orElseThrow();
        String hostile = "</g><script>alert(\"x\")</script> & <g onload='x'>";
        MapDocument edited = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("hostile",
                Change.setLabel(actor.id(), hostile), Change.setTitle(hostile),
                Change.setMapAttribute(Actors.FRAMING_QUESTION, new Value.Text(hostile)))).after();
        SvgScene svg = new SvgScene(new MapPainter());
        SvgScene.Scene scene = svg.scene(edited);
        for (SvgScene.Fragment f : List.of(scene.fragment(actor.id()), scene.fragment(MapParts.TITLE),
                scene.fragment(MapParts.HEADING))) {
            Document parsed = parse(f.svg());
            assertEquals(0, parsed.getElementsByTagName("script").getLength(), f.key() + ": " + f.svg());
            NodeList texts = parsed.getElementsByTagName("text");
            assertTrue(texts.getLength() > 0, f.key() + " writes its label as <text>");
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < texts.getLength(); i++) {
                all.append(texts.item(i).getTextContent());
            }
            assertTrue(all.toString().replace(" ", "").contains("</script>"), f.key() + ": the label as its text: " + all);
        }
        Document whole = parse(scene.svg());
        assertEquals(0, whole.getElementsByTagName("script").getLength());
        // and an update with it
        SvgScene.Update back = svg.update(edited, doc);
        assertTrue(back.replaced().stream().anyMatch(f -> f.key().equals(actor.id())));
        SvgScene.Update again = svg.update(doc, edited);
        for (SvgScene.Fragment f : again.replaced()) {
            assertEquals(0, parse(f.svg()).getElementsByTagName("script").getLength(), f.key());
        }
    }

    @Example
    void movingOneActorReplacesItAndItsLinksOnly() {
        MethodTemplate method = Methods.byId("net-map").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        Element actor = doc.nodes().filter(n -> !doc.linksOf(n.id()).isEmpty()).findFirst().orElseThrow();
        MapDocument moved = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("move",
                Change.setGeometry(actor.id(), actor.geometry().movedBy(30, 20)))).after();
        SvgScene svg = new SvgScene(new MapPainter());
        SvgScene.Scene before = svg.scene(doc);
        SvgScene.Update update = svg.update(doc, moved);
        Set<String> expected = new HashSet<>();
        expected.add(actor.id());
        doc.linksOf(actor.id()).forEach(l -> expected.add(l.id()));
        Set<String> elements = new HashSet<>();
        update.replaced().stream().map(SvgScene.Fragment::key).filter(k -> !MapParts.isMapPart(k)).forEach(elements::add);
        assertEquals(expected, elements, "the actor and the links drawn to it");
        assertEquals(List.of(), update.removed());
        assertEquals(new SvgScene(new MapPainter()).scene(moved), before.apply(update));
    }

    /** A map emptied one element at a time, then given one again: every step an exact update, down to the parts alone. */
    @Example
    void anEmptiedMapIsUpdatedToItsPartsAndBack() {
        for (String methodId : METHODS) {
            MethodTemplate method = Methods.byId(methodId).orElseThrow();
            MapDocument doc = method.starter(true, Locale.ENGLISH);
            MapDocument full = doc;
            SvgScene svg = new SvgScene(new MapPainter());
            SvgScene.Scene scene = svg.scene(doc);
            for (int i = 0; i < 500 && doc.size() > 0; i++) {
                MapDocument next = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("remove",
                        Change.remove(doc.inDrawOrder().get(doc.size() / 2).id()))).after();
                scene = scene.apply(svg.update(doc, next));
                doc = next;
            }
            assertEquals(0, doc.size(), methodId + ": emptied");
            assertSameScene(new SvgScene(new MapPainter()).scene(doc), scene, methodId + ": emptied");
            assertTrue(scene.order().stream().allMatch(MapParts::isMapPart), methodId + ": only the map's parts " + scene.order());
            Element first = full.nodes().findFirst().orElseThrow();
            MapDocument one = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("add", Change.add(first))).after();
            assertSameScene(new SvgScene(new MapPainter()).scene(one), scene.apply(svg.update(doc, one)), methodId + ": one again");
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return RandomEdits.edits().flatMap(list -> Arbitraries.integers().between(0, 5).map(extra -> {
            // now and then one of the edits this test adds: the title, or the map attribute the method draws
            List<Edit> out = new ArrayList<>(list);
            if (extra < 2) {
                out.add(out.size() / 2, new Edit(extra == 0 ? TITLE : MAP_ATTRIBUTE, extra, 0, 40 * (extra + 1)));
            }
            return out;
        }));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of(METHODS);
    }

    /** The law the browser relies on: the scene before, with the update applied, is the scene drawn afresh after. */
    @Property(tries = 40)
    void anUpdateBringsTheSceneBeforeToTheSceneAfter(@ForAll("methods") String methodId, @ForAll("edits") List<Edit> edits) {
        MethodTemplate method = Methods.byId(methodId).orElseThrow();
        walk(method, edits);
    }

    /** Every kind of edit on every method's example, in turn, and back. */
    @Example
    void everyKindOfEditOnEveryMethodsExampleIsUpdatedExactly() {
        assertEquals(7, METHODS.size(), "the methods whose examples this walks through");
        for (String methodId : METHODS) {
            List<Edit> edits = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int kind = 0; kind <= MAP_ATTRIBUTE; kind++) {
                    edits.add(new Edit(kind, 7 * round + kind, 3 + 5 * round, round % 2 == 0 ? 120 : -90));
                }
            }
            walk(Methods.byId(methodId).orElseThrow(), edits);
        }
    }

    /** Applies the edits one by one, holding each update (and the update back) to a scene drawn afresh. */
    private static void walk(MethodTemplate method, List<Edit> edits) {
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        SvgScene svg = new SvgScene(new MapPainter());
        SvgScene.Scene scene = svg.scene(doc);
        int serial = 0;
        for (Edit edit : edits) {
            MapDocument next = edited(doc, method, edit, serial++);
            SvgScene.Update update = svg.update(doc, next);
            SvgScene.Scene fresh = new SvgScene(new MapPainter()).scene(next);
            assertSameScene(fresh, scene.apply(update), method.id() + ": after " + edit);
            for (SvgScene.Fragment f : update.replaced()) {
                assertFalse(f.svg().equals(scene.fragment(f.key()) == null ? null : scene.fragment(f.key()).svg()),
                        method.id() + ": " + f.key() + " sent again unchanged after " + edit);
            }
            // back to the map before (which the later one does not descend from), and on again
            SvgScene.Update back = svg.update(next, doc);
            assertSameScene(scene, fresh.apply(back), method.id() + ": back from " + edit);
            assertSameScene(fresh, scene.apply(svg.update(doc, next)), method.id() + ": again " + edit);
            scene = fresh;
            doc = next;
        }
    }

    private static MapDocument edited(MapDocument doc, MethodTemplate method, Edit edit, int serial) {
        Change change;
        if (edit.kind() == TITLE) {
            change = Change.setTitle(doc.title() + " " + serial);
        } else if (edit.kind() == MAP_ATTRIBUTE) {
            change = switch (method.id()) {
                case "net-map" -> Change.setMapAttribute(Actors.FRAMING_QUESTION, new Value.Text("Who decides " + serial + "?"));
                case "theory-of-change" -> Change.setMapAttribute(TheoryOfChangeTemplate.CEILING_Y,
                        doc.mapAttribute(TheoryOfChangeTemplate.CEILING_Y) instanceof Value.Decimal y
                                ? new Value.Decimal(y.value() + edit.amount()) : new Value.Decimal(200));
                default -> Change.setTitle("Another title " + serial);
            };
        } else {
            return RandomEdits.apply(doc, method, edit, serial);
        }
        return ChangeEngine.apply(doc, method.schema(), ChangeSet.of("edit", change)).after();
    }

    /** Fails with the first fragment where the two scenes differ. */
    private static void assertSameScene(SvgScene.Scene expected, SvgScene.Scene actual, String what) {
        assertEquals(expected.order(), actual.order(), what + ": the order");
        for (int i = 0; i < expected.fragments().size(); i++) {
            if (!expected.fragments().get(i).equals(actual.fragments().get(i))) {
                fail(what + ": fragment " + expected.fragments().get(i).key() + " differs:\n  fresh:   "
                        + expected.fragments().get(i).svg() + "\n  updated: " + actual.fragments().get(i).svg());
            }
        }
        assertEquals(expected.extent(), actual.extent(), what + ": the extent");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
