package org.mapwork.collab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns {@link Message}s into one JSON text each and back (docs/protocol.md). Reading is for outside input: the
 * text is size-limited, nesting and string lengths are capped, duplicate and unknown keys are refused, and every
 * problem is a {@link WireException} naming its JSON path.
 */
public final class MessageWire {

    /** Largest message accepted, in UTF-8 bytes (a layout of a few thousand elements fits). */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    /** Most entries in one welcome (a client further behind gets the rest by asking again). */
    public static final int MAX_ENTRIES = 100_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_MESSAGE_BYTES)
                            .maxNestingDepth(32)
                            .maxStringLength(1_000_000)
                            .maxNumberLength(40)
                            .maxNameLength(256)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Map<String, Set<String>> KEYS = Map.of(
            "hello", Set.of("type", "protocol", "map", "token", "actor", "name", "since", "hub"),
            "submit", Set.of("type", "changeSet", "conditional"),
            "presence", Set.of("type", "actor", "state"),
            "welcome", Set.of("type", "map", "hub", "serverSeq", "yourLastSeq", "entries", "snapshot"),
            "commit", Set.of("type", "entry"),
            "changes", Set.of("type", "entry"),
            "refused", Set.of("type", "clientSeq", "reason"),
            "error", Set.of("type", "reason"));
    private static final Set<String> ENTRY_KEYS = Set.of("serverSeq", "actor", "clientSeq", "changeSet", "dropped");
    private static final Set<String> DROP_KEYS = Set.of("index", "change", "problem");

    private MessageWire() {
    }

    public static String write(Message m) {
        try {
            return MAPPER.writeValueAsString(tree(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + m.getClass().getSimpleName(), e);
        }
    }

    static ObjectNode tree(Message m) {
        ObjectNode o = NODES.objectNode();
        if (m instanceof Message.Hello h) {
            o.put("type", "hello");
            o.put("protocol", h.protocol());
            o.put("map", h.map());
            o.put("token", h.token());
            o.put("actor", h.actor());
            o.put("name", h.name());
            o.put("since", h.since());
            if (h.hub() != null) {
                o.put("hub", h.hub());
            }
        } else if (m instanceof Message.Submit s) {
            o.put("type", "submit");
            o.set("changeSet", ChangeSetWire.write(s.changeSet()));
            o.put("conditional", s.conditional());
        } else if (m instanceof Message.Presence p) {
            o.put("type", "presence");
            o.put("actor", p.actor());
            o.set("state", p.state());
        } else if (m instanceof Message.Welcome w) {
            o.put("type", "welcome");
            o.put("map", w.map());
            o.put("hub", w.hub());
            o.put("serverSeq", w.serverSeq());
            o.put("yourLastSeq", w.yourLastSeq());
            ArrayNode entries = o.putArray("entries");
            w.entries().forEach(e -> entries.add(entry(e)));
            if (w.snapshot() != null) {
                o.set("snapshot", w.snapshot());
            }
        } else if (m instanceof Message.Commit c) {
            o.put("type", "commit");
            o.set("entry", entry(c.entry()));
        } else if (m instanceof Message.Changes c) {
            o.put("type", "changes");
            o.set("entry", entry(c.entry()));
        } else if (m instanceof Message.Refused r) {
            o.put("type", "refused");
            o.put("clientSeq", r.clientSeq());
            o.put("reason", r.reason());
        } else if (m instanceof Message.Error e) {
            o.put("type", "error");
            o.put("reason", e.reason());
        } else {
            throw new IllegalArgumentException("no wire form for " + m.getClass());
        }
        return o;
    }

    private static ObjectNode entry(Message.Entry e) {
        ObjectNode o = NODES.objectNode();
        o.put("serverSeq", e.serverSeq());
        o.put("actor", e.actor());
        o.put("clientSeq", e.clientSeq());
        o.set("changeSet", ChangeSetWire.write(e.changeSet()));
        if (!e.dropped().isEmpty()) {
            ArrayNode d = o.putArray("dropped");
            for (Message.Drop drop : e.dropped()) {
                d.addObject().put("index", drop.index()).put("change", drop.change()).put("problem", drop.problem());
            }
        }
        return o;
    }

    /** How many bytes of UTF-8 a JSON tree takes, written compactly as a message writes it. */
    public static long size(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** Reads one message. */
    public static Message read(String text) throws WireException {
        if (text == null) {
            throw new WireException("$", "no message");
        }
        if (text.length() > MAX_MESSAGE_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new WireException("$", "message larger than " + MAX_MESSAGE_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new WireException("$", "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WireException("$", "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw new WireException("$.type", "expected an object with a \"type\"");
        }
        String type = root.get("type").textValue();
        Set<String> keys = KEYS.get(type);
        if (keys == null) {
            throw new WireException("$.type", "unknown message type \"" + type + "\"; expected one of " + new java.util.TreeSet<>(KEYS.keySet()));
        }
        JsonIn o = JsonIn.object(root, "$", keys);
        return switch (type) {
            case "hello" -> new Message.Hello((int) o.whole("protocol", 1), o.text("map"), o.text("token"), o.text("actor"),
                    o.optText("name"), o.whole("since", 0), o.optText("hub"));
            case "submit" -> new Message.Submit(ChangeSetWire.read(o.raw("changeSet"), o.at("changeSet")), o.bool("conditional", false));
            case "presence" -> {
                JsonNode state = o.raw("state");
                if (state == null || !state.isObject()) {
                    throw new WireException(o.at("state"), "expected an object");
                }
                yield new Message.Presence(o.text("actor"), (ObjectNode) state);
            }
            case "welcome" -> {
                JsonNode arr = o.array("entries", MAX_ENTRIES, false);
                List<Message.Entry> entries = new ArrayList<>(arr.size());
                for (int i = 0; i < arr.size(); i++) {
                    entries.add(entry(arr.get(i), "$.entries[" + i + "]"));
                }
                JsonNode snapshot = o.raw("snapshot");
                if (snapshot != null && !snapshot.isNull() && !snapshot.isObject()) {
                    throw new WireException(o.at("snapshot"), "expected a map (an object)");
                }
                if (snapshot != null && snapshot.isObject() && !entries.isEmpty()) {
                    throw new WireException(o.at("entries"), "a welcome with a snapshot has no entries");
                }
                yield new Message.Welcome(o.text("map"), o.text("hub"), o.whole("serverSeq", 0), o.whole("yourLastSeq", 0), entries,
                        snapshot != null && snapshot.isObject() ? (ObjectNode) snapshot : null);
            }
            case "commit" -> new Message.Commit(entry(o.raw("entry"), o.at("entry")));
            case "changes" -> new Message.Changes(entry(o.raw("entry"), o.at("entry")));
            case "refused" -> new Message.Refused(o.whole("clientSeq", 0), o.text("reason"));
            default -> new Message.Error(o.text("reason"));
        };
    }

    private static Message.Entry entry(JsonNode node, String path) throws WireException {
        JsonIn o = JsonIn.object(node, path, ENTRY_KEYS);
        JsonNode arr = o.array("dropped", ChangeSetWire.MAX_CHANGES, true);
        List<Message.Drop> dropped = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonIn d = JsonIn.object(arr.get(i), o.at("dropped") + "[" + i + "]", DROP_KEYS);
            dropped.add(new Message.Drop((int) d.whole("index", 0), d.text("change"), d.text("problem")));
        }
        return new Message.Entry(o.whole("serverSeq", 1), o.text("actor"), o.whole("clientSeq", 0),
                ChangeSetWire.read(o.raw("changeSet"), o.at("changeSet")), dropped);
    }
}
