package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

/** The laws of merging one person's edit of a list into a list someone else changed meanwhile. */
class ListMergePropertiesTest {

    @Provide
    Arbitrary<List<String>> ids() {
        return Arbitraries.of("a", "b", "c", "d", "e", "f").set().ofMaxSize(6).map(ArrayList::new).flatMap(l -> Arbitraries.shuffle(l));
    }

    @Provide
    Arbitrary<List<Map.Entry<String, Integer>>> rows() {
        return Arbitraries.maps(Arbitraries.of("a", "b", "c", "d", "e"), Arbitraries.integers().between(0, 2)).ofMaxSize(5)
                .map(m -> new ArrayList<>(m.entrySet()));
    }

    private static Set<String> minus(java.util.Collection<String> a, java.util.Collection<String> b) {
        Set<String> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }

    @Property(tries = 300)
    void a_tag_list_keeps_my_additions_and_removals_and_everything_else_they_have(
            @ForAll("ids") List<String> base, @ForAll("ids") List<String> mine, @ForAll("ids") List<String> theirs) {
        Value merged = ListMerge.merge(new Value.TextList(base), new Value.TextList(mine), new Value.TextList(theirs));
        if (base.equals(theirs)) {
            assertNull(merged, "nobody changed it meanwhile: mine is written as it is");
            return;
        }
        List<String> out = ((Value.TextList) merged).values();
        assertEquals(out.size(), new HashSet<>(out).size(), "no duplicates");
        assertTrue(out.containsAll(minus(mine, base)), "my additions are in");
        assertTrue(minus(base, mine).stream().noneMatch(out::contains), "my removals are out");
        Set<String> theirsKept = minus(theirs, minus(base, mine));
        assertTrue(out.containsAll(theirsKept), "everything they have that I did not remove stays");
        Set<String> known = new HashSet<>(theirs);
        known.addAll(mine);
        assertTrue(known.containsAll(out), "nothing comes from nowhere");
    }

    private static Value.Rows rowsOf(List<Map.Entry<String, Integer>> rows) {
        List<Map<String, Value>> out = new ArrayList<>();
        for (Map.Entry<String, Integer> r : rows) {
            out.add(Map.of("id", Value.text(r.getKey()), "label", Value.text("v" + r.getValue())));
        }
        return new Value.Rows(out);
    }

    private static Map<String, Value> byId(Value v) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map<String, Value> row : ((Value.Rows) v).rows()) {
            out.put(((Value.Text) row.get("id")).value(), row.get("label"));
        }
        return out;
    }

    @Property(tries = 300)
    void rows_merge_by_id_and_my_edit_of_a_row_wins(@ForAll("rows") List<Map.Entry<String, Integer>> base,
                                                  @ForAll("rows") List<Map.Entry<String, Integer>> mine,
                                                  @ForAll("rows") List<Map.Entry<String, Integer>> theirs) {
        Value.Rows b = rowsOf(base), m = rowsOf(mine), t = rowsOf(theirs);
        Value merged = ListMerge.merge(b, m, t);
        if (b.equals(t)) {
            assertNull(merged);
            return;
        }
        Map<String, Value> out = byId(merged), bm = byId(b), mm = byId(m), tm = byId(t);
        for (String id : mm.keySet()) {
            boolean added = !bm.containsKey(id);
            boolean edited = !added && !mm.get(id).equals(bm.get(id));
            if (added || (edited && tm.containsKey(id))) {
                assertEquals(mm.get(id), out.get(id), "my added or edited row " + id);
            }
            if (edited && !tm.containsKey(id)) {
                assertTrue(!out.containsKey(id), "their removal of row " + id + " wins over my edit, as for elements");
            }
        }
        for (String id : bm.keySet()) {
            if (!mm.containsKey(id)) {
                assertTrue(!out.containsKey(id), "my removed row " + id);
            }
        }
        for (String id : tm.keySet()) {
            boolean removedByMe = bm.containsKey(id) && !mm.containsKey(id);
            boolean editedByMe = mm.containsKey(id) && !mm.get(id).equals(bm.get(id));
            if (!removedByMe && !editedByMe) {
                assertEquals(tm.get(id), out.get(id), "their row " + id + " as they have it");
            }
        }
    }

    @Test
    void values_that_are_not_lists_are_not_merged() {
        assertNull(ListMerge.merge(Value.text("a"), Value.text("b"), Value.text("c")));
        Value.Rows noIds = new Value.Rows(List.of(Map.of("measure", Value.text("x"))));
        assertNull(ListMerge.merge(noIds, new Value.Rows(List.of()), new Value.Rows(List.of(Map.of("measure", Value.text("y"))))));
        assertNull(ListMerge.merge(Value.list("a"), null, Value.list("b")), "unsetting is written as it is");
    }
}
