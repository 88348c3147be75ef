package org.mapwork.export.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.mapwork.export.Pictures;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.toc.TheoryOfChangeTemplate;

/**
 * The editor keeps a picture of the map and repaints only where {@link MapPainter#damage} and
 * {@link MapPainter#drawnBounds} say the drawing changed. These tests hold the painter to that: after any edit, every
 * pixel that differs between a full drawing before and a full drawing after lies inside the damage.
 */
class DamageTest {

    private static final List<String> METHODS = Methods.all().stream().map(MethodTemplate::id).toList();

    /** One random edit: what kind, and numbers to pick the element and the amount. */
    record Edit(int kind, int pick, int amount, String text) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(-120, 120), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30))
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of(METHODS);
    }

    @Property(tries = 20)
    void pixelsOutsideTheDamageStayAsTheyWere(@ForAll("methods") String methodId, @ForAll("edits") List<Edit> edits,
                                              @ForAll("scales") double scale) {
        MethodTemplate method = Methods.byId(methodId).orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        MapPainter painter = new MapPainter();
        Set<String> selected = Set.of();
        for (Edit edit : edits) {
            MapDocument next = doc;
            Set<String> nextSelected = selected;
            if (edit.kind == 7) {
                nextSelected = toggled(selected, pick(doc, edit.pick).id());
            } else {
                next = apply(doc, method, edit);
            }
            Rectangle2D area = painter.extent(doc, RenderOptions.screen(Set.of()));
            area.add(painter.extent(next, RenderOptions.screen(Set.of())));
            BufferedImage before = draw(painter, doc, selected, area, scale);
            Damage damage = painter.damage(doc, next);
            if (!damage.everything()) {
                damage = damage.plus(Damage.of(painter.drawnBounds(next, symmetricDifference(selected, nextSelected))));
            }
            BufferedImage after = draw(painter, next, nextSelected, area, scale);
            assertDifferencesInside(before, after, damage, area, scale, edit);
            doc = next;
            selected = nextSelected;
        }
    }

    @Provide
    Arbitrary<Double> scales() {
        // overview (boxes and hairlines), mid without text, and full detail
        return Arbitraries.of(0.2, 0.45, 0.8);
    }

    @Test
    void movingOneActorDamagesItsOwnPlaceAndItsLinksNotEverything() {
        MethodTemplate method = Methods.byId("net-map").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        Element actor = doc.nodes().filter(n -> !doc.linksOf(n.id()).isEmpty()).findFirst().orElseThrow();
        MapDocument moved = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("move",
                Change.setGeometry(actor.id(), actor.geometry().movedBy(40, 25)))).after();
        MapPainter painter = new MapPainter();
        Damage damage = painter.damage(doc, moved);
        assertFalse(damage.everything());
        // the actor before and after, and each of its links before and after
        assertEquals(2 + 2 * doc.linksOf(actor.id()).size(), damage.areas().size());
        assertTrue(painter.damage(moved, moved).isNone());
    }

    @Test
    void movingTheCeilingOfAccountabilityDamagesEverything() {
        MethodTemplate method = Methods.byId("theory-of-change").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        MapDocument changed = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("ceiling",
                Change.setMapAttribute(TheoryOfChangeTemplate.CEILING_Y, Value.decimal(123.5)))).after();
        assertTrue(new MapPainter().damage(doc, changed).everything());
    }

    @Test
    void aLinkAcrossTheWholeMapIsPatchedAndDamagedLikeAnyOther() {
        MethodTemplate method = Methods.byId("net-map").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        Element near = doc.nodes().findFirst().orElseThrow();
        Element link = doc.links().findFirst().orElseThrow();
        // an actor far off, linked to one near the others: the link's box spans far more grid cells than most
        Element far = near.withId("far-away").withGeometry(near.geometry().movedTo(30_000, 18_000))
                .withOrder(OrderKey.after(doc.frontOrderKey()));
        MapDocument withFar = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("far", Change.add(far),
                Change.add(link.withId("long-link").withEndpoints(near.id(), "far-away")
                        .withOrder(OrderKey.after(far.order()))))).after();
        MapDocument moved = ChangeEngine.apply(withFar, method.schema(), ChangeSet.of("move",
                Change.setGeometry("far-away", far.geometry().movedBy(-6_000, 2_500)))).after();
        MapPainter painter = new MapPainter();
        Rectangle2D area = painter.extent(withFar, RenderOptions.screen(Set.of()));
        area.add(painter.extent(moved, RenderOptions.screen(Set.of())));
        BufferedImage before = draw(painter, withFar, Set.of(), area, 0.05);
        Rectangle2D linkBefore = painter.drawnBounds(withFar, Set.of("long-link")).get(0);
        Damage damage = painter.damage(withFar, moved);
        assertFalse(damage.everything());
        assertTrue(damage.areas().contains(linkBefore), "the long link's old place");
        assertTrue(damage.areas().contains(painter.drawnBounds(moved, Set.of("long-link")).get(0)), "and its new one");
        assertDifferencesInside(before, draw(painter, moved, Set.of(), area, 0.05), damage, area, 0.05, null);
        // the patched scene finds what a fresh one finds, along the link's new course
        Rectangle2D probe = new Rectangle2D.Double(20_000, 15_000, 3_000, 3_000);
        assertEquals(new MapPainter().elementsIn(moved, probe), painter.elementsIn(moved, probe));
    }

    @Test
    void aGesturesElementsDrawnOnTheirOwnLookAsInAFullSceneOfThatSnapshot() {
        MethodTemplate method = Methods.byId("net-map").orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        Element actor = doc.nodes().filter(n -> doc.linksOf(n.id()).size() >= 2).findFirst().orElseThrow();
        MapDocument dragged = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("drag",
                Change.setGeometry(actor.id(), actor.geometry().movedBy(-75, 130)))).after();
        Set<String> ids = new HashSet<>();
        ids.add(actor.id());
        dragged.linksOf(actor.id()).forEach(l -> ids.add(l.id()));
        Rectangle2D area = new MapPainter().extent(dragged, RenderOptions.screen(Set.of()));

        MapPainter atRest = new MapPainter();
        atRest.paint(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB).createGraphics(), doc,
                new Viewport(0, 0, 1, 1, 1), RenderOptions.screen(Set.of()));
        BufferedImage onTheirOwn = drawElements(atRest, dragged, ids, area);
        BufferedImage inAFullScene = drawElements(new MapPainter(), dragged, ids, area);
        int differing = 0;
        for (int y = 0; y < onTheirOwn.getHeight(); y++) {
            for (int x = 0; x < onTheirOwn.getWidth(); x++) {
                differing += onTheirOwn.getRGB(x, y) != inAFullScene.getRGB(x, y) ? 1 : 0;
            }
        }
        assertEquals(0, differing);
        // and something was drawn: the actor and its links
        assertTrue(Pictures.inkedPixels(onTheirOwn) > 500, "inked pixels: " + Pictures.inkedPixels(onTheirOwn));
    }

    private static BufferedImage drawElements(MapPainter painter, MapDocument doc, Set<String> ids, Rectangle2D area) {
        BufferedImage img = new BufferedImage((int) area.getWidth(), (int) area.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        painter.paintElements(g, doc, Viewport.of(area, 1.0), ids, RenderOptions.screen(Set.of(ids.iterator().next())));
        g.dispose();
        return img;
    }

    // ----- helpers -----

    private static Set<String> symmetricDifference(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        out.removeAll(both);
        return out;
    }

    private static Set<String> toggled(Set<String> s, String id) {
        Set<String> out = new HashSet<>(s);
        if (!out.remove(id)) {
            out.add(id);
        }
        return Set.copyOf(out);
    }

    private static Element pick(MapDocument doc, int n) {
        List<Element> all = List.copyOf(doc.elements());
        return all.get(n % all.size());
    }

    private static Element pickNode(MapDocument doc, int n) {
        List<Element> nodes = doc.nodes().toList();
        return nodes.get(n % nodes.size());
    }

    /** The edit as a change set on {@code doc}; an edit the method refuses leaves the map as it is. */
    private static MapDocument apply(MapDocument doc, MethodTemplate method, Edit edit) {
        Element node = pickNode(doc, edit.pick);
        Element any = pick(doc, edit.pick);
        List<Change> changes = new ArrayList<>();
        switch (edit.kind) {
            case 0 -> changes.add(Change.setGeometry(node.id(), node.geometry().movedBy(edit.amount, edit.amount / 2.0)));
            case 1 -> changes.add(Change.setLabel(any.id(), edit.text));
            case 2 -> {
                // removing a node takes its links with it
                for (Element link : doc.linksOf(any.id())) {
                    changes.add(Change.remove(link.id()));
                }
                changes.add(Change.remove(any.id()));
            }
            case 3 -> changes.add(Change.add(node.withId(node.id() + "-copy" + Math.abs(edit.amount))
                    .withGeometry(node.geometry().movedBy(30, edit.amount))
                    .withOrder(OrderKey.after(doc.frontOrderKey()))));
            case 4 -> changes.add(Change.setOrder(any.id(), OrderKey.after(doc.frontOrderKey())));
            case 5 -> changes.add(Change.setAttribute(node.id(), "influence", new Value.Int(Math.abs(edit.amount) % 12)));
            default -> changes.add(Change.setGeometry(node.id(),
                    node.geometry().resized(Math.max(40, node.geometry().width() + edit.amount), node.geometry().height())));
        }
        try {
            return ChangeEngine.apply(doc, method.schema(), ChangeSet.of("edit", changes)).after();
        } catch (ChangeRejected refused) {
            return doc;
        }
    }

    private static BufferedImage draw(MapPainter painter, MapDocument doc, Set<String> selected, Rectangle2D area, double scale) {
        int w = (int) Math.ceil(area.getWidth() * scale), h = (int) Math.ceil(area.getHeight() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        painter.paint(g, doc, new Viewport(area.getX(), area.getY(), area.getWidth(), area.getHeight(), scale),
                RenderOptions.screen(selected));
        g.dispose();
        return img;
    }

    private static void assertDifferencesInside(BufferedImage before, BufferedImage after, Damage damage,
                                                Rectangle2D area, double scale, Edit edit) {
        if (damage.everything()) {
            return;
        }
        // antialiasing may touch the pixel just outside a shape's bounds
        double fringe = 1.5 / scale;
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                if (before.getRGB(x, y) == after.getRGB(x, y)) {
                    continue;
                }
                double mx = area.getX() + (x + 0.5) / scale, my = area.getY() + (y + 0.5) / scale;
                boolean inside = false;
                for (Rectangle2D a : damage.areas()) {
                    if (mx >= a.getMinX() - fringe && mx <= a.getMaxX() + fringe
                            && my >= a.getMinY() - fringe && my <= a.getMaxY() + fringe) {
                        inside = true;
                        break;
                    }
                }
                assertTrue(inside, "pixel (" + x + ", " + y + ") = map (" + mx + ", " + my + ") changed outside the damage after "
                        + edit + "; damage: " + damage.areas());
            }
        }
    }
}
