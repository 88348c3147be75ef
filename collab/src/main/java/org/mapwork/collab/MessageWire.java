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

    private static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("hello", Set.of("type", "protocol", "map", "token", "actor", "name", "since", "hub", "view")),
            Map.entry("submit", Set.of("type", "changeSet", "conditional")),
            Map.entry("presence", Set.of("type", "actor", "name", "state")),
            Map.entry("peers", Set.of("type", "peers")),
            Map.entry("joined", Set.of("type", "actor", "name")),
            Map.entry("left", Set.of("type", "actor")),
            Map.entry("welcome", Set.of("type", "map", "hub", "serverSeq", "yourLastSeq", "entries", "snapshot", "handled", "since", "catchUp")),
            Map.entry("catchUp", Set.of("type", "hub", "upTo", "entries")),
            Map.entry("commit", Set.of("type", "entry")),
            Map.entry("changes", Set.of("type", "entry")),
            Map.entry("refused", Set.of("type", "clientSeq", "reason")),
            Map.entry("error", Set.of("type", "reason")));
    private static final Set<String> ENTRY_KEYS = Set.of("serverSeq", "actor", "clientSeq", "changeSet", "dropped");
    private static final Set<String> DROP_KEYS = Set.of("index", "change", "problem");
    private static final Set<String> STATE_KEYS = Set.of("cursor", "selection", "editing");
    private static final Set<String> CURSOR_KEYS = Set.of("x", "y");
    private static final Set<String> PERSON_KEYS = Set.of("actor", "name");
    /** Most people in one {@code peers} message. */
    public static final int MAX_PEOPLE = 1000;

    /** A hello's {@code view} for a device that shows the map as the hub draws it (a browser). */
    public static final String DRAWN = "drawn";

    private MessageWire() {
    }

    private static boolean drawn(JsonIn o) throws WireException {
        String view = o.optText("view");
        if (view != null && !view.equals(DRAWN)) {
            throw new WireException(o.at("view"), "\"" + view + "\" is not a view; expected \"" + DRAWN + "\" or none");
        }
        return view != null;
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
            if (h.drawn()) {
                o.put("view", DRAWN);
            }
        } else if (m instanceof Message.Submit s) {
            o.put("type", "submit");
            o.set("changeSet", ChangeSetWire.write(s.changeSet()));
            o.put("conditional", s.conditional());
        } else if (m instanceof Message.Presence p) {
            o.put("type", "presence");
            o.put("actor", p.actor());
            if (p.name() != null) {
                o.put("name", p.name());
            }
            o.set("state", state(p.state()));
        } else if (m instanceof Message.Roster r) {
            o.put("type", "peers");
            ArrayNode people = o.putArray("peers");
            r.people().forEach(p -> people.addObject().put("actor", p.actor()).put("name", p.name()));
        } else if (m instanceof Message.Joined j) {
            o.put("type", "joined");
            o.put("actor", j.person().actor());
            o.put("name", j.person().name());
        } else if (m instanceof Message.Left l) {
            o.put("type", "left");
            o.put("actor", l.actor());
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
            if (!w.handled().isEmpty()) {
                ObjectNode h = o.putObject("handled");
                new java.util.TreeMap<>(w.handled()).forEach(h::put);
            }
            if (w.since() != null) {
                o.put("since", w.since());
            }
            if (w.catchUp() != null) {
                o.put("catchUp", w.catchUp());
            }
        } else if (m instanceof Message.CatchUp c) {
            o.put("type", "catchUp");
            o.put("hub", c.hub());
            o.put("upTo", c.upTo());
            ArrayNode entries = o.putArray("entries");
            c.entries().forEach(e -> entries.add(entry(e)));
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

    /**
     * As {@link #write(Message)}, keeping the JSON of each commit's and changes' entry in {@code entries} (an
     * IdentityHashMap: hashing an entry would cost what writing it does) and reusing it: the hub sends one entry as
     * its author's commit and as everyone else's changes, and a layout's entry is tens of KiB.
     */
    public static String write(Message m, Map<Message.Entry, String> entries) {
        Message.Entry e = m instanceof Message.Commit c ? c.entry() : m instanceof Message.Changes c ? c.entry() : null;
        if (e == null) {
            return write(m);
        }
        String entry = entries.computeIfAbsent(e, x -> {
            try {
                return MAPPER.writeValueAsString(entry(x));
            } catch (JsonProcessingException problem) {
                throw new IllegalStateException("cannot write an entry", problem);
            }
        });
        return "{\"type\":\"" + (m instanceof Message.Commit ? "commit" : "changes") + "\",\"entry\":" + entry + "}";
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

    private static ObjectNode state(PresenceState st) {
        ObjectNode o = NODES.objectNode();
        if (st.cursor() == null) {
            o.putNull("cursor");
        } else {
            o.putObject("cursor").put("x", st.cursor().x()).put("y", st.cursor().y());
        }
        ArrayNode sel = o.putArray("selection");
        st.selection().forEach(sel::add);
        if (st.editing() == null) {
            o.putNull("editing");
        } else {
            o.put("editing", st.editing());
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
                    o.optText("name"), o.whole("since", 0), o.optText("hub"), drawn(o));
            case "submit" -> new Message.Submit(ChangeSetWire.read(o.raw("changeSet"), o.at("changeSet")), o.bool("conditional", false));
            case "presence" -> new Message.Presence(actorId(o, "actor"), name(o, false), state(o.raw("state"), o.at("state")));
            case "peers" -> {
                JsonNode arr = o.array("peers", MAX_PEOPLE, false);
                List<Message.Person> people = new ArrayList<>(arr.size());
                for (int i = 0; i < arr.size(); i++) {
                    JsonIn p = JsonIn.object(arr.get(i), o.at("peers") + "[" + i + "]", PERSON_KEYS);
                    people.add(new Message.Person(actorId(p, "actor"), name(p, true)));
                }
                yield new Message.Roster(people);
            }
            case "joined" -> new Message.Joined(new Message.Person(actorId(o, "actor"), name(o, true)));
            case "left" -> new Message.Left(actorId(o, "actor"));
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
                java.util.Map<String, Long> handled = new java.util.HashMap<>();
                JsonNode h = o.raw("handled");
                if (h != null && !h.isNull()) {
                    if (!h.isObject() || h.size() > MAX_ENTRIES) {
                        throw new WireException(o.at("handled"), "expected an object of actor: sequence number");
                    }
                    for (var it = h.fields(); it.hasNext(); ) {
                        var f = it.next();
                        if (!org.mapwork.model.Ids.isValid(f.getKey()) || !f.getValue().isIntegralNumber() || !f.getValue().canConvertToLong()
                                || f.getValue().longValue() < 0) {
                            throw new WireException(o.at("handled") + "." + f.getKey(), "expected an actor id and a whole number ≥ 0");
                        }
                        handled.put(f.getKey(), f.getValue().longValue());
                    }
                }
                yield new Message.Welcome(o.text("map"), o.text("hub"), o.whole("serverSeq", 0), o.whole("yourLastSeq", 0), entries,
                        snapshot != null && snapshot.isObject() ? (ObjectNode) snapshot : null, handled,
                        o.has("since") ? o.whole("since", 0) : null, o.has("catchUp") ? o.whole("catchUp", 0) : null);
            }
            case "catchUp" -> {
                JsonNode arr = o.array("entries", MAX_ENTRIES, false);
                List<Message.Entry> entries = new ArrayList<>(arr.size());
                for (int i = 0; i < arr.size(); i++) {
                    entries.add(entry(arr.get(i), "$.entries[" + i + "]"));
                }
                yield new Message.CatchUp(o.text("hub"), o.whole("upTo", 0), entries);
            }
            case "commit" -> new Message.Commit(entry(o.raw("entry"), o.at("entry")));
            case "changes" -> new Message.Changes(entry(o.raw("entry"), o.at("entry")));
            case "refused" -> new Message.Refused(o.whole("clientSeq", 0), o.text("reason"));
            default -> new Message.Error(o.text("reason"));
        };
    }

    private static String actorId(JsonIn o, String key) throws WireException {
        String actor = o.text(key);
        if (!org.mapwork.model.Ids.isValid(actor)) {
            throw new WireException(o.at(key), "not an actor id (letters, digits, -_.: at most 128)");
        }
        return actor;
    }

    /** A name as the hub sends it: at most {@link PeerNames#MAX_WIRE_LENGTH} characters, no control characters. */
    private static String name(JsonIn o, boolean required) throws WireException {
        String name = required ? o.text("name") : o.optText("name");
        if (name == null) {
            return null;
        }
        if (name.length() > PeerNames.MAX_WIRE_LENGTH) {
            throw new WireException(o.at("name"), "a name has at most " + PeerNames.MAX_WIRE_LENGTH + " characters, got " + name.length());
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new WireException(o.at("name"), "a name has no control characters");
        }
        return name;
    }

    private static PresenceState state(JsonNode node, String path) throws WireException {
        JsonIn o = JsonIn.object(node, path, STATE_KEYS);
        PresenceState.Cursor cursor = null;
        if (o.has("cursor")) {
            JsonIn c = JsonIn.object(o.raw("cursor"), o.at("cursor"), CURSOR_KEYS);
            double x = c.number("x");
            double y = c.number("y");
            for (String k : List.of("x", "y")) {
                double v = k.equals("x") ? x : y;
                if (!Double.isFinite(v) || Math.abs(v) > PresenceState.MAX_COORDINATE) {
                    throw new WireException(c.at(k), "expected a number within ±" + (long) PresenceState.MAX_COORDINATE);
                }
            }
            cursor = new PresenceState.Cursor(x, y);
        }
        JsonNode arr = o.array("selection", PresenceState.MAX_SELECTION, true);
        List<String> selection = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonNode id = arr.get(i);
            if (!id.isTextual() || !org.mapwork.model.Ids.isValid(id.textValue())) {
                throw new WireException(o.at("selection") + "[" + i + "]", "expected an element id");
            }
            selection.add(id.textValue());
        }
        String editing = o.optText("editing");
        if (editing != null && !org.mapwork.model.Ids.isValid(editing)) {
            throw new WireException(o.at("editing"), "expected an element id or null");
        }
        return new PresenceState(cursor, selection, editing);
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
