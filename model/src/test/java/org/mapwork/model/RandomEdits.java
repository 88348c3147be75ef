package org.mapwork.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random but valid gestures against the test schema: a gesture is a list of seeds, each turned into a change that
 * fits the document as it is at that moment (so every generated change set applies).
 */
final class RandomEdits {

    /** One seed: which kind of change and a few numbers to pick targets and values. */
    record Seed(int op, int pick, int pick2, int number, String text) {
    }

    private RandomEdits() {
    }

    static Arbitrary<Seed> seeds() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(-50, 150),
                Arbitraries.strings().withCharRange(' ', '~').withChars("ñé漢😀\u202e<&\"").ofMaxLength(12))
                .as(Seed::new);
    }

    static Arbitrary<List<List<Seed>>> gestures() {
        return seeds().list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(25);
    }

    /** Turns seeds into a change set valid for {@code doc}; seeds that fit nothing are skipped. */
    static ChangeSet gesture(MapDocument doc, List<Seed> seeds, int[] counter) {
        List<Change> changes = new ArrayList<>();
        MapDocument current = doc;
        for (Seed s : seeds) {
            Change c = change(current, s, counter);
            if (c == null) {
                continue;
            }
            try {
                current = ChangeEngine.apply(current, Fixtures.SCHEMA, ChangeSet.of("probe", c)).after();
                changes.add(c);
            } catch (ChangeRejected rejected) {
                // e.g. a range violation from the seed's number: a valid gesture simply leaves it out
            }
        }
        return ChangeSet.of("gesture", changes);
    }

    private static Change change(MapDocument doc, Seed s, int[] counter) {
        List<Element> nodes = doc.nodes().toList();
        List<Element> all = List.copyOf(doc.elements());
        Element anyNode = nodes.isEmpty() ? null : nodes.get(s.pick() % nodes.size());
        Element any = all.isEmpty() ? null : all.get(s.pick() % all.size());
        switch (s.op()) {
            case 0, 1 -> {
                String id = "n" + (counter[0]++);
                return Change.add(Element.node(id, s.number() % 2 == 0 ? "actor" : "issue", s.text(),
                        Geometry.box(s.pick(), s.pick2(), 100, 50), doc.nextOrderKey()));
            }
            case 2 -> {
                if (nodes.size() < 2) {
                    return null;
                }
                Element a = nodes.get(s.pick() % nodes.size());
                Element b = nodes.get(s.pick2() % nodes.size());
                if (a.id().equals(b.id())) {
                    return null;
                }
                String type = List.of("funding", "conflict", "supports").get(Math.floorMod(s.number(), 3));
                return Change.add(Element.link("l" + (counter[0]++), type, a.id(), b.id(), doc.nextOrderKey()));
            }
            case 3 -> {
                return any == null ? null : Change.remove(any.id());
            }
            case 4 -> {
                return any == null ? null : Change.setLabel(any.id(), s.text());
            }
            case 5 -> {
                return anyNode == null ? null : Change.setAttribute(anyNode.id(), "influence", Value.integer(s.number()));
            }
            case 6 -> {
                return anyNode == null ? null : Change.setAttribute(anyNode.id(), "notes", s.number() % 3 == 0 ? null : Value.text(s.text()));
            }
            case 7 -> {
                return anyNode == null ? null : Change.setGeometry(anyNode.id(), Geometry.box(s.number(), s.pick2(), 80 + s.pick() % 50, 40));
            }
            case 8 -> {
                return any == null ? null : Change.setStyle(any.id(), new Style(s.number() % 2 == 0 ? "#1f77b4" : null, "ellipse"));
            }
            case 9 -> {
                return any == null ? null : Change.setOrder(any.id(), doc.nextOrderKey());
            }
            case 10 -> {
                return Change.setTitle(s.text());
            }
            case 11 -> {
                return anyNode == null ? null : Change.setAttribute(anyNode.id(), "since", Value.date(LocalDate.of(2020, 1, 1).plusDays(s.pick())));
            }
            case 12 -> {
                return anyNode == null ? null : Change.setAttribute(anyNode.id(), "indicators",
                        new Value.Rows(List.of(Map.of("measure", Value.text(s.text()), "target", Value.integer(Math.abs(s.number()))))));
            }
            default -> {
                return anyNode == null ? null : Change.setType(anyNode.id(), s.number() % 2 == 0 ? "actor" : "issue");
            }
        }
    }
}
