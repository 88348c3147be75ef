package org.mapwork.export.format;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Value;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.schema.AttributeDef;

/**
 * Attribute values as one cell of text (CSV, GraphML) and back. Lists are written {@code a; b}; rows (such as
 * indicators) as compact JSON; numbers without exponent, so spreadsheets read them as numbers.
 */
public final class AttributeText {

    public static final String LIST_SEPARATOR = "; ";
    private static final ObjectMapper JSON = MapJson.newReadingMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributeText() {
    }

    public static String toText(Value v) {
        if (v instanceof Value.Text t) {
            return t.value();
        }
        if (v instanceof Value.Int i) {
            return Long.toString(i.value());
        }
        if (v instanceof Value.Decimal d) {
            return decimal(d.value());
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof Value.Date d) {
            return d.value().toString();
        }
        if (v instanceof Value.TextList l) {
            return String.join(LIST_SEPARATOR, l.values());
        }
        Value.Rows r = (Value.Rows) v;
        ArrayNode a = NODES.arrayNode();
        for (Map<String, Value> row : r.rows()) {
            ObjectNode o = a.addObject();
            row.forEach((k, cell) -> o.set(k, json(cell)));
        }
        return a.toString();
    }

    /** A number as plain text: {@code 125000.5}, {@code 3}, never {@code 1.0E7}. */
    public static String decimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A value as the native JSON writes it (for Kumu and rows). */
    public static JsonNode json(Value v) {
        if (v instanceof Value.Text t) {
            return NODES.textNode(t.value());
        }
        if (v instanceof Value.Int i) {
            return NODES.numberNode(i.value());
        }
        if (v instanceof Value.Decimal d) {
            return NODES.numberNode(d.value());
        }
        if (v instanceof Value.Bool b) {
            return NODES.booleanNode(b.value());
        }
        if (v instanceof Value.Date d) {
            return NODES.textNode(d.value().toString());
        }
        if (v instanceof Value.TextList l) {
            ArrayNode a = NODES.arrayNode();
            l.values().forEach(a::add);
            return a;
        }
        ArrayNode a = NODES.arrayNode();
        for (Map<String, Value> row : ((Value.Rows) v).rows()) {
            ObjectNode o = a.addObject();
            row.forEach((k, cell) -> o.set(k, json(cell)));
        }
        return a;
    }

    /**
     * A cell's text as the native JSON value the attribute expects (the map reader then checks ranges and options).
     *
     * @throws IllegalArgumentException with a plain message when the text cannot be that kind of value
     */
    public static JsonNode parse(AttributeDef def, String text) {
        String s = text.strip();
        switch (def.type()) {
            case INTEGER -> {
                try {
                    return NODES.numberNode(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    try {
                        BigDecimal b = new BigDecimal(s);
                        return NODES.numberNode(b.longValueExact());
                    } catch (NumberFormatException | ArithmeticException e2) {
                        throw new IllegalArgumentException("expected a whole number, got \"" + clip(text) + '"');
                    }
                }
            }
            case DECIMAL -> {
                try {
                    return NODES.numberNode(new BigDecimal(s.replace(',', '.')).doubleValue());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a number, got \"" + clip(text) + '"');
                }
            }
            case BOOLEAN -> {
                return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "yes", "1", "y" -> NODES.booleanNode(true);
                    case "false", "no", "0", "n" -> NODES.booleanNode(false);
                    default -> throw new IllegalArgumentException("expected true or false, got \"" + clip(text) + '"');
                };
            }
            case MULTI_ENUM -> {
                if (s.startsWith("[")) {
                    return parseJson(s, "a list");
                }
                ArrayNode a = NODES.arrayNode();
                for (String part : s.split(";")) {
                    if (!part.isBlank()) {
                        a.add(part.strip());
                    }
                }
                return a;
            }
            case ROWS -> {
                return parseJson(s, "rows as JSON, e.g. [{\"what\": \"...\"}]");
            }
            case DATE -> {
                return NODES.textNode(s);
            }
            default -> {
                return NODES.textNode(text);
            }
        }
    }

    private static JsonNode parseJson(String s, String what) {
        try {
            return JSON.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected " + what + ", got \"" + clip(s) + '"');
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
