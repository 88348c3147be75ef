package org.mapwork.model.schema;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.mapwork.model.Value;

/**
 * One attribute a node, link, annotation or the map itself may carry.
 *
 * @param name        attribute key in the JSON and in changes (e.g. {@code influence})
 * @param type        its kind
 * @param min         lowest allowed value for integers and decimals, or {@code null}
 * @param max         highest allowed value for integers and decimals, or {@code null}
 * @param options     allowed options for enums and multi-enums (empty when {@code optionsFrom} is used)
 * @param optionsFrom for enums: the name of a map attribute of type rows whose {@code id} column lists the options
 *                    (e.g. a Net-Map's goals, defined per map)
 * @param columns     for rows: the columns of each row
 * @param required    whether every element of the type must carry it
 */
public record AttributeDef(String name, AttributeType type, Double min, Double max, List<String> options,
                           String optionsFrom, List<AttributeDef> columns, boolean required) {

    public AttributeDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = options == null ? List.of() : List.copyOf(options);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public static AttributeDef text(String name) {
        return new AttributeDef(name, AttributeType.TEXT, null, null, null, null, null, false);
    }

    public static AttributeDef longText(String name) {
        return new AttributeDef(name, AttributeType.LONG_TEXT, null, null, null, null, null, false);
    }

    /** A whole number between min and max (either may be {@code null} for no bound). */
    public static AttributeDef integer(String name, Long min, Long max) {
        return new AttributeDef(name, AttributeType.INTEGER, min == null ? null : min.doubleValue(),
                max == null ? null : max.doubleValue(), null, null, null, false);
    }

    public static AttributeDef decimal(String name, Double min, Double max) {
        return new AttributeDef(name, AttributeType.DECIMAL, min, max, null, null, null, false);
    }

    public static AttributeDef choice(String name, List<String> options) {
        return new AttributeDef(name, AttributeType.ENUM, null, null, options, null, null, false);
    }

    public static AttributeDef choices(String name, List<String> options) {
        return new AttributeDef(name, AttributeType.MULTI_ENUM, null, null, options, null, null, false);
    }

    /** A multi-enum whose options are the ids of the rows of a map attribute (defined per map). */
    public static AttributeDef choicesFromMap(String name, String mapAttribute) {
        return new AttributeDef(name, AttributeType.MULTI_ENUM, null, null, null, mapAttribute, null, false);
    }

    public static AttributeDef bool(String name) {
        return new AttributeDef(name, AttributeType.BOOLEAN, null, null, null, null, null, false);
    }

    public static AttributeDef date(String name) {
        return new AttributeDef(name, AttributeType.DATE, null, null, null, null, null, false);
    }

    public static AttributeDef rows(String name, List<AttributeDef> columns) {
        return new AttributeDef(name, AttributeType.ROWS, null, null, null, null, columns, false);
    }

    public AttributeDef asRequired() {
        return new AttributeDef(name, type, min, max, options, optionsFrom, columns, true);
    }

    /** The column of a rows attribute, or {@code null}. */
    public AttributeDef column(String columnName) {
        for (AttributeDef c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The options an enum may take, given the map's own attributes (for options defined per map).
     */
    public List<String> optionsIn(Map<String, Value> mapAttributes) {
        if (optionsFrom == null) {
            return options;
        }
        return mapAttributes.get(optionsFrom) instanceof Value.Rows rows ? rows.ids() : List.of();
    }

    /** What a valid value looks like, for messages: {@code an integer 0..100}. */
    public String expectation() {
        return switch (type) {
            case TEXT -> "a line of text";
            case LONG_TEXT -> "text";
            case INTEGER -> "an integer" + range(true);
            case DECIMAL -> "a number" + range(false);
            case ENUM -> "one of " + (optionsFrom == null ? options : "the map's " + optionsFrom);
            case MULTI_ENUM -> "a list out of " + (optionsFrom == null ? options : "the map's " + optionsFrom);
            case BOOLEAN -> "true or false";
            case DATE -> "a date YYYY-MM-DD";
            case ROWS -> "a list of rows with columns " + columns.stream().map(AttributeDef::name).toList();
        };
    }

    private String range(boolean whole) {
        if (min == null && max == null) {
            return "";
        }
        String lo = min == null ? "" : whole ? Long.toString(min.longValue()) : min.toString();
        String hi = max == null ? "" : whole ? Long.toString(max.longValue()) : max.toString();
        if (max == null) {
            return " ≥ " + lo;
        }
        if (min == null) {
            return " ≤ " + hi;
        }
        return " " + lo + ".." + hi;
    }

    /**
     * Why {@code value} does not fit this attribute, or {@code null} when it does.
     * The message reads after a location, e.g. {@code "expected an integer 0..100, got -3"}.
     */
    public String problem(Value value, Map<String, Value> mapAttributes) {
        String expected = "expected " + expectation() + ", got " + value.describe();
        switch (type) {
            case TEXT, LONG_TEXT -> {
                if (!(value instanceof Value.Text t)) {
                    return expected;
                }
                String u = org.mapwork.model.Unicode.problem(t.value());
                if (u != null) {
                    return u;
                }
                if (type == AttributeType.TEXT && t.value().indexOf('\n') >= 0) {
                    return "expected a single line of text, got a line break";
                }
                return null;
            }
            case INTEGER -> {
                if (!(value instanceof Value.Int i)) {
                    return expected;
                }
                return inRange(i.value()) ? null : expected;
            }
            case DECIMAL -> {
                double d;
                if (value instanceof Value.Decimal dec) {
                    d = dec.value();
                } else if (value instanceof Value.Int i) {
                    return "expected a decimal value (write " + i.value() + ".0), got an integer " + i.value();
                } else {
                    return expected;
                }
                return Double.isFinite(d) && inRange(d) ? null : expected;
            }
            case ENUM -> {
                if (!(value instanceof Value.Text t)) {
                    return expected;
                }
                return optionsIn(mapAttributes).contains(t.value()) ? null : expected;
            }
            case MULTI_ENUM -> {
                if (!(value instanceof Value.TextList l)) {
                    return expected;
                }
                List<String> allowed = optionsIn(mapAttributes);
                Set<String> seen = new HashSet<>();
                for (String s : l.values()) {
                    if (org.mapwork.model.Unicode.problem(s) != null) {
                        return org.mapwork.model.Unicode.problem(s);
                    }
                    if (!allowed.contains(s)) {
                        return "expected " + expectation() + ", got unknown option \"" + s + '"';
                    }
                    if (!seen.add(s)) {
                        return "option \"" + s + "\" is listed twice";
                    }
                }
                return null;
            }
            case BOOLEAN -> {
                return value instanceof Value.Bool ? null : expected;
            }
            case DATE -> {
                return value instanceof Value.Date ? null : expected;
            }
            case ROWS -> {
                if (!(value instanceof Value.Rows rows)) {
                    return expected;
                }
                for (int r = 0; r < rows.rows().size(); r++) {
                    Map<String, Value> row = rows.rows().get(r);
                    for (Map.Entry<String, Value> cell : row.entrySet()) {
                        AttributeDef col = column(cell.getKey());
                        if (col == null) {
                            return "row " + r + ": unknown column \"" + cell.getKey() + "\"; known: "
                                    + columns.stream().map(AttributeDef::name).toList();
                        }
                        String p = col.problem(cell.getValue(), mapAttributes);
                        if (p != null) {
                            return "row " + r + ", column " + col.name() + ": " + p;
                        }
                    }
                    for (AttributeDef col : columns) {
                        if (col.required() && !row.containsKey(col.name())) {
                            return "row " + r + ": column " + col.name() + " is required";
                        }
                    }
                }
                return uniqueIds(rows);
            }
            default -> throw new AssertionError(type);
        }
    }

    private static String uniqueIds(Value.Rows rows) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Value> row : rows.rows()) {
            if (row.get("id") instanceof Value.Text t && !ids.add(t.value())) {
                return "two rows share the id \"" + t.value() + '"';
            }
        }
        return null;
    }

    private boolean inRange(double v) {
        return (min == null || v >= min) && (max == null || v <= max);
    }
}
