package org.mapwork.collab.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.collab.MessageWire;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.format.SvgScene;
import org.mapwork.model.MapDocument;

/**
 * One shared map as the hub's painter draws it, for the browsers joined to it (docs/adr/0017, docs/protocol.md
 * section 8): a browser gets the whole scene after its welcome, then after each commit only the fragments that
 * changed. Drawing runs on a thread of its own, never on the map's: commits that arrive while it draws are drawn once,
 * for the latest map. Nothing is drawn while no browser is in. Each message stays under a part's size; fragments
 * beyond it go in further parts, and a fragment too large for any message is left out (listed in {@code leftOut}).
 */
final class DrawnView implements AutoCloseable {

    /** Most bytes of fragments in one message part (a message may have {@link MessageWire#MAX_MESSAGE_BYTES}). */
    static final int PART_BYTES = 1024 * 1024;
    /** A fragment larger than this cannot be sent (the message limit less room for the message around it). */
    static final int FRAGMENT_BYTES = MessageWire.MAX_MESSAGE_BYTES - 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService thread;
    private final AtomicReference<MapDocument> latest;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Consumer<String> problems;
    // the rest only on the drawing thread
    private final SvgScene scene = new SvgScene(new MapPainter());
    private final List<HubEndpoint> browsers = new ArrayList<>();
    private MapDocument shown;
    /** The messages of the whole scene of {@link #shown}, made once for every browser that joins at that point. */
    private List<String> shownScene;
    private List<String> shownOrder = List.of();
    private String shownPalette;
    private String shownFindings;

    /**
     * @param start    the map as the hub has it now
     * @param problems hears a drawing that failed (the hub's output), with what failed
     */
    DrawnView(String mapId, MapDocument start, Consumer<String> problems) {
        this.latest = new AtomicReference<>(start);
        this.problems = problems;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hub-drawing-" + mapId);
            t.setDaemon(true);
            return t;
        });
    }

    /** On the map's thread: the map after a commit. Draws soon, once for however many commits came meanwhile. */
    void committed(MapDocument doc) {
        latest.set(doc);
        if (!queued.getAndSet(true)) {
            run(this::drawLatest);
        }
    }

    /** A browser was welcomed: it gets the whole scene (after its welcome, which went out already). */
    void joined(HubEndpoint browser) {
        run(() -> {
            drawLatest();
            try {
                if (shown != latest.get() || shownScene == null) {
                    shown = latest.get();
                    SvgScene.Scene whole = scene.scene(shown);
                    ArrayNode findings = BrowserPalette.findings(shown);
                    shownFindings = write(findings);
                    shownScene = sceneParts(whole, paletteOf(shown), findings);
                    shownOrder = whole.order();
                }
            } catch (RuntimeException e) {
                problems.accept("cannot draw map " + shown.id() + " for a browser: " + e);
                return;
            }
            utf8(shownScene).forEach(browser::sendDrawn);
            browsers.add(browser);
        });
    }

    /** The browser's connection closed. */
    void left(HubEndpoint browser) {
        run(() -> {
            browsers.remove(browser);
            if (browsers.isEmpty()) {
                shown = null; // nothing is drawn while no browser looks
                shownScene = null;
                shownPalette = null;
                shownFindings = null;
            }
        });
    }

    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: the hub is stopping
        }
    }

    private void drawLatest() {
        queued.set(false);
        MapDocument doc = latest.get();
        if (browsers.isEmpty() || doc == shown) {
            return;
        }
        List<String> texts;
        try {
            ObjectNode p = BrowserPalette.of(doc);
            String palette = JSON.writeValueAsString(p);
            ObjectNode changedPalette = palette.equals(shownPalette) ? null : p; // sent only when it changed
            ArrayNode findings = BrowserPalette.findings(doc);
            String findingsText = JSON.writeValueAsString(findings);
            ArrayNode changedFindings = findingsText.equals(shownFindings) ? null : findings;
            shownFindings = findingsText;
            if (shown == null) {
                SvgScene.Scene whole = scene.scene(doc);
                texts = sceneParts(whole, changedPalette, findings);
                shownOrder = whole.order();
            } else {
                SvgScene.Update u = scene.update(shown, doc);
                texts = updateParts(u, shownOrder, changedPalette, changedFindings);
                shownOrder = u.order();
            }
            shownPalette = palette;
        } catch (RuntimeException | JsonProcessingException e) {
            problems.accept("cannot draw map " + doc.id() + " for its browsers: " + e);
            return;
        }
        shown = doc;
        shownScene = null;
        List<ByteBuffer> parts = utf8(texts); // encoded once for all the browsers
        for (HubEndpoint b : browsers) {
            parts.forEach(b::sendDrawn);
        }
    }

    private ObjectNode paletteOf(MapDocument doc) {
        ObjectNode p = BrowserPalette.of(doc);
        try {
            shownPalette = JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    /** A whole scene: {@code scene} parts, the last with the paint order, the extent, the palette and the findings. */
    static List<String> sceneParts(SvgScene.Scene s, ObjectNode palette, ArrayNode findings) {
        List<String> keys = s.order();
        return parts("scene", s.fragments(), last -> {
            last.put("root", SvgScene.ROOT_ATTRIBUTES); // the defaults every fragment assumes from around it
            last.set("order", JSON.valueToTree(keys));
            last.set("extent", extent(s.extent()));
            if (palette != null) {
                last.set("palette", palette);
            }
            last.set("findings", findings);
        });
    }

    /**
     * A change: {@code drawn} parts with the fragments replaced, the last with what was removed, and the paint order,
     * the palette and the findings when they differ from what was sent before.
     */
    static List<String> updateParts(SvgScene.Update u, List<String> before, ObjectNode palette, ArrayNode findings) {
        return parts("drawn", u.replaced(), last -> {
            last.set("removed", JSON.valueToTree(u.removed()));
            if (!u.order().equals(before)) {
                last.set("order", JSON.valueToTree(u.order()));
            }
            if (u.extent() != null) {
                last.set("extent", extent(u.extent()));
            }
            if (palette != null) {
                last.set("palette", palette);
            }
            if (findings != null) {
                last.set("findings", findings); // only when they changed
            }
        });
    }

    private static ObjectNode extent(SvgScene.Extent e) {
        return JSON.createObjectNode().put("x", e.x()).put("y", e.y()).put("width", e.width()).put("height", e.height());
    }

    /**
     * Messages of {@code type} holding {@code fragments} in order, at most {@link #PART_BYTES} of them each (a larger
     * fragment alone), every one but the last with {@code "more": true}; {@code finish} completes the last.
     */
    private static List<String> parts(String type, List<SvgScene.Fragment> fragments, Consumer<ObjectNode> finish) {
        List<String> out = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        ObjectNode part = part(type);
        long bytes = 0;
        for (SvgScene.Fragment f : fragments) {
            ObjectNode node = JSON.createObjectNode().put("key", f.key()).put("svg", f.svg());
            long size = MessageWire.size(node);
            if (size > FRAGMENT_BYTES) {
                leftOut.add(f.key());
                continue;
            }
            if (bytes > 0 && bytes + size > PART_BYTES) {
                out.add(write(part.put("more", true)));
                part = part(type);
                bytes = 0;
            }
            ((ArrayNode) part.get("fragments")).add(node);
            bytes += size;
        }
        finish.accept(part);
        if (!leftOut.isEmpty()) {
            part.set("leftOut", JSON.valueToTree(leftOut));
        }
        out.add(write(part.put("more", false)));
        return out;
    }

    private static ObjectNode part(String type) {
        ObjectNode o = JSON.createObjectNode().put("type", type);
        o.putArray("fragments");
        return o;
    }

    private static List<ByteBuffer> utf8(List<String> texts) {
        return texts.stream().map(t -> ByteBuffer.wrap(t.getBytes(StandardCharsets.UTF_8))).toList();
    }

    private static String write(com.fasterxml.jackson.databind.JsonNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a drawn view message", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
