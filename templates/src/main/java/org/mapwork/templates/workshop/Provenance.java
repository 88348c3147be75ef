package org.mapwork.templates.workshop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;

/**
 * Which teams drew each element of a merged workshop map, and the values they disagreed on: rows of the map
 * attribute {@code drawnBy} (columns {@code element}, {@code teams}, {@code differences}), which every method's
 * schema allows. A map attribute rather than one on each element, so no type of any method needs a new attribute and
 * a team's own map is untouched.
 */
public final class Provenance {

    /** The map attribute holding the rows. */
    public static final String ATTRIBUTE = "drawnBy";
    public static final String ELEMENT = "element";
    public static final String TEAMS = "teams";
    public static final String DIFFERENCES = "differences";
    /** Between team names in the {@code teams} column; a team's name never holds it ({@link TeamMap}). */
    public static final String SEPARATOR = "; ";

    /** One element's provenance: its id in the merged map, the teams that drew it, what they drew differently. */
    public record Entry(String elementId, List<String> teams, String differences) {
        public Entry {
            teams = List.copyOf(teams);
        }
    }

    private Provenance() {
    }

    /** The schema's definition of the attribute, for every method's schema. */
    public static AttributeDef attribute() {
        return AttributeDef.rows(ATTRIBUTE, List.of(AttributeDef.text(ELEMENT).asRequired(),
                AttributeDef.text(TEAMS), AttributeDef.text(DIFFERENCES)));
    }

    /** The rows for these entries. */
    public static Value.Rows rows(List<Entry> entries) {
        return new Value.Rows(entries.stream().map(e -> {
            Map<String, Value> row = new LinkedHashMap<>();
            row.put(ELEMENT, Value.text(e.elementId()));
            row.put(TEAMS, Value.text(String.join(SEPARATOR, e.teams())));
            if (!e.differences().isEmpty()) {
                row.put(DIFFERENCES, Value.text(e.differences()));
            }
            return row;
        }).toList());
    }

    /** A merged map's provenance by element id (empty for a map that is not a merge). */
    public static Map<String, Entry> of(MapDocument doc) {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (doc.mapAttribute(ATTRIBUTE) instanceof Value.Rows rows) {
            for (Map<String, Value> row : rows.rows()) {
                if (row.get(ELEMENT) instanceof Value.Text id) {
                    List<String> teams = row.get(TEAMS) instanceof Value.Text t && !t.value().isEmpty()
                            ? List.of(t.value().split(SEPARATOR, -1)) : List.of();
                    String diff = row.get(DIFFERENCES) instanceof Value.Text d ? d.value() : "";
                    out.put(id.value(), new Entry(id.value(), teams, diff));
                }
            }
        }
        return out;
    }
}
