package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A snapshot tells which elements changed since one of its recent ancestors, so that a reader of two snapshots can look
 * at those alone; it tells nothing about a document it was not made from, or one too far back.
 */
class ChangedSinceTest {

    private static MapDocument apply(MapDocument doc, Change... changes) {
        return ChangeEngine.apply(doc, Fixtures.SCHEMA, ChangeSet.of("edit", changes)).after();
    }

    @Test
    void the_ids_put_or_removed_since_an_ancestor_with_a_removed_nodes_links() {
        MapDocument small = Fixtures.small();
        assertEquals(Optional.of(Set.of()), small.changedSince(small), "nothing since itself");
        MapDocument next = apply(small, Change.add(Fixtures.actor("d", 600, 0, OrderKey.after(small.frontOrderKey()))),
                Change.setLabel("c", "Renamed"), Change.remove("a"));
        // removing actor a took its links l1 and l2 with it
        assertEquals(Optional.of(Set.of("a", "c", "d", "l1", "l2")), next.changedSince(small));
        MapDocument titled = apply(next, Change.setTitle("Another title"),
                Change.setMapAttribute("framingQuestion", Value.text("Who decides?")));
        assertEquals(Optional.of(Set.of("a", "c", "d", "l1", "l2")), titled.changedSince(small),
                "the title and map attributes are not elements");
        assertEquals(Optional.of(Set.of()), titled.changedSince(next));
    }

    @Test
    void nothing_is_told_about_a_later_or_unrelated_document_or_one_too_far_back() {
        MapDocument small = Fixtures.small();
        MapDocument next = apply(small, Change.setLabel("b", "One"));
        assertEquals(Optional.empty(), small.changedSince(next), "a later one");
        assertEquals(Optional.empty(), next.changedSince(Fixtures.small()), "an equal document built apart");
        assertEquals(Fixtures.small(), small, "lineage is not part of a document's value");
        MapDocument doc = small;
        for (int i = 0; i < MapDocument.LINEAGE + 1; i++) {
            doc = apply(doc, Change.setLabel("b", "Label " + i));
        }
        assertEquals(Optional.empty(), doc.changedSince(small), "more than " + MapDocument.LINEAGE + " updates back");
        MapDocument bare = apply(Fixtures.empty(), small.mapAttributes().entrySet().stream()
                .map(a -> Change.setMapAttribute(a.getKey(), a.getValue())).toArray(Change[]::new));
        MapDocument read = ChangeEngine.addAll(bare, Fixtures.SCHEMA, List.copyOf(small.elements()));
        assertEquals(small.size(), read.size());
        assertEquals(Optional.empty(), read.changedSince(bare), "a document built whole starts afresh");
    }

    @Test
    void within_the_lineage_every_step_back_is_told() {
        MapDocument doc = Fixtures.small();
        MapDocument start = doc;
        for (int i = 0; i < 20; i++) {
            doc = apply(doc, Change.setLabel(i % 2 == 0 ? "b" : "i", "Label " + i));
        }
        Optional<Set<String>> changed = doc.changedSince(start);
        assertTrue(changed.isPresent());
        assertEquals(Set.of("b", "i"), changed.get());
    }
}
