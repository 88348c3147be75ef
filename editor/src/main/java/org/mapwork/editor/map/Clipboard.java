package org.mapwork.editor.map;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * Copy, cut, paste and duplicate. Copied elements travel as Mapwork JSON ({@link MapFragment}) through the system
 * clipboard, so they paste into any map, in this window or another; plain text pastes as one node per line.
 */
public final class Clipboard {

    private final MapViewModel vm;
    private final ClipboardPort port;
    private final SchemaRegistry schemas;

    Clipboard(MapViewModel vm, ClipboardPort port, SchemaRegistry schemas) {
        this.vm = vm;
        this.port = port;
        this.schemas = schemas;
    }

    public boolean copySelection() {
        Selection selection = vm.selection();
        if (selection.boxes().isEmpty()) {
            vm.setStatus(Ui.text("map.status.copy-nothing"));
            return false;
        }
        port.putMapJson(MapFragment.copy(vm.document(), vm.schema(), selection.inOrder()));
        vm.setStatus(Ui.text("map.status.copied", selection.boxes().size()));
        return true;
    }

    public boolean cutSelection() {
        return copySelection() && vm.edits().deleteSelection();
    }

    /**
     * Pastes the clipboard: a Mapwork fragment (from this or another map) arrives beside its origin, selected;
     * plain text becomes one node per line (quick add).
     */
    public List<String> paste() {
        Optional<String> text = port.text();
        if (text.isEmpty() || text.get().isBlank()) {
            vm.setStatus(Ui.text("map.status.clipboard-empty"));
            return List.of();
        }
        if (!MapFragment.looksLikeMap(text.get())) {
            return vm.edits().quickAdd(text.get());
        }
        return pasteFragment(text.get(), 24, 24, true);
    }

    /** Duplicates the selection beside itself, without touching the clipboard. */
    public List<String> duplicateSelection() {
        if (vm.selection().boxes().isEmpty()) {
            return List.of();
        }
        return pasteFragment(MapFragment.copy(vm.document(), vm.schema(), vm.selection().inOrder()), 24, 24, false);
    }

    /**
     * @param intoView whether elements that would land outside the visible area, wholly or in part (copied in
     *                 another map, or far from here), are brought into the middle of the view, keeping their
     *                 arrangement
     */
    private List<String> pasteFragment(String json, double dx, double dy, boolean intoView) {
        try {
            var camera = vm.camera();
            var viewing = vm.viewing();
            MapFragment.Paste p = MapFragment.paste(json, schemasWithOwn(), vm.document(), vm.schema(), dx, dy);
            Rectangle2D landing = intoView ? boxesOf(p.changes()) : null;
            // partly out of view counts: a pasted group half off the screen is as lost as one wholly off it
            if (landing != null && !camera.visibleArea().contains(landing)) {
                Rectangle2D view = camera.visibleArea();
                p = MapFragment.paste(json, schemasWithOwn(), vm.document(), vm.schema(),
                        dx + viewing.snap(view.getCenterX() - landing.getCenterX()),
                        dy + viewing.snap(view.getCenterY() - landing.getCenterY()));
            }
            if (p.changes().isEmpty()) {
                vm.setStatus(Ui.text("map.status.paste-nothing-fits", vm.schema().methodId()));
                return List.of();
            }
            if (vm.apply(Ui.text("map.edit.paste", p.newIds().size()), p.changes())) {
                vm.selection().select(p.newIds());
                if (p.leftOut() > 0) {
                    vm.setStatus(Ui.text("map.status.pasted-left-out", p.leftOut()));
                }
                return p.newIds();
            }
        } catch (MapFormatException e) {
            vm.setStatus(Ui.text("map.status.cannot-paste", e.getMessage()));
        }
        return List.of();
    }

    /** The bounds of the nodes and annotations a paste would add, or null when it adds none. */
    private static Rectangle2D boxesOf(List<Change> changes) {
        List<Element> added = new ArrayList<>();
        for (Change c : changes) {
            if (c instanceof Change.AddElement a && !a.element().isLink()) {
                added.add(a.element());
            }
        }
        return Viewing.boundsOf(added);
    }

    /** The registry of schemas with this map's own first (it may be newer than the registry's). */
    private SchemaRegistry schemasWithOwn() {
        Schema own = vm.schema();
        return new SchemaRegistry() {
            @Override
            public Optional<Schema> schema(String methodId) {
                return own.methodId().equals(methodId) ? Optional.of(own) : schemas.schema(methodId);
            }

            @Override
            public Collection<String> methodIds() {
                Set<String> ids = new LinkedHashSet<>(schemas.methodIds());
                ids.add(own.methodId());
                return ids;
            }
        };
    }
}
