package org.mapwork.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Three-way merges of list values, so that two people who each add a goal (a row of the map's goals) or tag an actor
 * with a goal at the same moment both keep theirs. The base is the value the author saw (the change's old value),
 * "mine" what the author wrote, "theirs" what the map holds now: the result is theirs with the author's additions,
 * removals and row edits applied. Rows are matched by their {@code id} column; values that are not lists of that
 * kind are not merged (the last writer wins).
 */
final class ListMerge {

    private ListMerge() {
    }

    /** The merged value, or {@code null} when these values are not merged (write {@code mine} as it is). */
    static Value merge(Value base, Value mine, Value theirs) {
        if (mine == null || Objects.equals(base, theirs)) {
            return null;
        }
        if (mine instanceof Value.TextList m && isTextList(base) && isTextList(theirs)) {
            return texts(list(base), m.values(), list(theirs));
        }
        if (mine instanceof Value.Rows m && isRows(base) && isRows(theirs)) {
            Map<String, Map<String, Value>> b = byId(base);
            Map<String, Map<String, Value>> mi = byId(m);
            Map<String, Map<String, Value>> t = byId(theirs);
            return b == null || mi == null || t == null ? null : rows(b, mi, t);
        }
        return null;
    }

    private static boolean isTextList(Value v) {
        return v == null || v instanceof Value.TextList;
    }

    private static boolean isRows(Value v) {
        return v == null || v instanceof Value.Rows;
    }

    private static List<String> list(Value v) {
        return v == null ? List.of() : ((Value.TextList) v).values();
    }

    private static Value texts(List<String> base, List<String> mine, List<String> theirs) {
        Set<String> out = new LinkedHashSet<>(theirs);
        for (String s : base) {
            if (!mine.contains(s)) {
                out.remove(s);
            }
        }
        for (String s : mine) {
            if (!base.contains(s)) {
                out.add(s);
            }
        }
        return new Value.TextList(new ArrayList<>(out));
    }

    /** Rows by their text id, in order; {@code null} when a row has no text id or two rows share one. */
    private static Map<String, Map<String, Value>> byId(Value v) {
        Map<String, Map<String, Value>> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        for (Map<String, Value> row : ((Value.Rows) v).rows()) {
            if (!(row.get("id") instanceof Value.Text id) || out.put(id.value(), row) != null) {
                return null;
            }
        }
        return out;
    }

    private static Value rows(Map<String, Map<String, Value>> base, Map<String, Map<String, Value>> mine,
                              Map<String, Map<String, Value>> theirs) {
        Map<String, Map<String, Value>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Value>> t : theirs.entrySet()) {
            String id = t.getKey();
            boolean iRemoved = base.containsKey(id) && !mine.containsKey(id);
            if (iRemoved) {
                continue;
            }
            boolean iChanged = mine.containsKey(id) && !mine.get(id).equals(base.get(id));
            out.put(id, iChanged ? mine.get(id) : t.getValue());
        }
        for (Map.Entry<String, Map<String, Value>> m : mine.entrySet()) {
            if (!base.containsKey(m.getKey()) && !out.containsKey(m.getKey())) {
                out.put(m.getKey(), m.getValue());
            }
        }
        return new Value.Rows(new ArrayList<>(out.values()));
    }
}
