package org.mapwork.collab;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON object of an incoming message with its path, for reading fields with clear errors. */
final class JsonIn {

    private final JsonNode node;
    private final String path;

    private JsonIn(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** {@code node} as an object whose keys are all among {@code allowed}. */
    static JsonIn object(JsonNode node, String path, Set<String> allowed) throws WireException {
        if (node == null || !node.isObject()) {
            throw new WireException(path, "expected an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new WireException(path + "." + k, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
        return new JsonIn(node, path);
    }

    String path() {
        return path;
    }

    String at(String key) {
        return path + "." + key;
    }

    boolean has(String key) {
        JsonNode n = node.get(key);
        return n != null && !n.isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    String text(String key) throws WireException {
        String s = optText(key);
        if (s == null) {
            throw new WireException(at(key), "missing; expected a string");
        }
        return s;
    }

    String optText(String key) throws WireException {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new WireException(at(key), "expected a string, got " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return n.textValue();
    }

    long whole(String key) throws WireException {
        JsonNode n = node.get(key);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new WireException(at(key), "expected a whole number");
        }
        return n.longValue();
    }

    long whole(String key, long min) throws WireException {
        long v = whole(key);
        if (v < min) {
            throw new WireException(at(key), "expected a whole number ≥ " + min + ", got " + v);
        }
        return v;
    }

    double number(String key) throws WireException {
        JsonNode n = node.get(key);
        if (n == null || !n.isNumber()) {
            throw new WireException(at(key), "expected a number");
        }
        return n.doubleValue();
    }

    boolean bool(String key, boolean fallback) throws WireException {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new WireException(at(key), "expected true or false");
        }
        return n.booleanValue();
    }

    /** The array at {@code key} (an empty one when absent and {@code optional}), of at most {@code max} items. */
    JsonNode array(String key, int max, boolean optional) throws WireException {
        JsonNode n = node.get(key);
        if ((n == null || n.isNull()) && optional) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (n == null || !n.isArray()) {
            throw new WireException(at(key), "expected an array");
        }
        if (n.size() > max) {
            throw new WireException(at(key), "at most " + max + " items, got " + n.size());
        }
        return n;
    }
}
