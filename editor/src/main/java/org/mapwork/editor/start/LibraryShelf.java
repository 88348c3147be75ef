package org.mapwork.editor.start;

import java.util.List;
import java.util.function.Consumer;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.store.Library;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapEntry;
import org.mapwork.store.MapRecorder;
import org.mapwork.templates.Methods;

/**
 * The local library as the editor's shelf: new maps go into it, every applied change set is recorded by the
 * library's background writer, and the window shows "Saved" only when the library says the last change is durable.
 */
public final class LibraryShelf implements Shelf {

    private final Library library;

    public LibraryShelf(Library library) {
        this.library = library;
    }

    public Library library() {
        return library;
    }

    @Override
    public List<Entry> recent() {
        return library.maps().stream()
                .map(m -> new Entry(m.id(), m.title(), m.methodId(), m.updated(), m.place()))
                .toList();
    }

    @Override
    public List<Entry> shared() {
        java.util.Map<String, MapEntry> maps = new java.util.HashMap<>();
        library.maps().forEach(m -> maps.put(m.id(), m));
        return library.shared().list().stream().filter(s -> maps.containsKey(s.mapId())).map(s -> {
            MapEntry m = maps.get(s.mapId());
            java.net.URI hub = java.net.URI.create(s.address());
            return new Entry(m.id(), m.title(), m.methodId(), m.updated(), hub.getHost() + ":" + hub.getPort());
        }).sorted(java.util.Comparator.comparing(Entry::modified).reversed()).toList();
    }

    @Override
    public OpenedMap create(MapDocument doc) {
        MapEntry entry = library.createMap(doc);
        return open(entry.id());
    }

    @Override
    public OpenedMap open(String id) {
        LoadedMap loaded = library.load(id);
        MapSession session = new MapSession(loaded.document(), loaded.schema(), library.localActor(), loaded.lastSeq());
        MapRecorder recorder = library.record(loaded, session);
        return new OpenedMap(session, Methods.byId(loaded.document().methodId()).orElse(null), null,
                new RecorderKeeping(recorder));
    }

    /** "Saved" as {@code recorder} makes the map's changes durable. */
    public static OpenedMap.Keeping keeping(MapRecorder recorder) {
        return new RecorderKeeping(recorder);
    }

    /**
     * Records {@code session}'s changes to the library's map again from now on (after someone else, such as a hub,
     * recorded it for a while): the map's latest revision is the base.
     */
    public OpenedMap.Keeping recordAgain(MapSession session) {
        return new RecorderKeeping(library.record(library.load(session.document().id()), session));
    }

    /** Whether the library holds a map with this id. */
    public boolean holds(String mapId) {
        return library.maps().stream().anyMatch(m -> m.id().equals(mapId));
    }

    @Override
    public String describe() {
        return Ui.text("start.shelf.library", library.directory());
    }

    /** "Saved" from the recorder's durability acknowledgements. */
    private static final class RecorderKeeping implements OpenedMap.Keeping {
        private final MapRecorder recorder;

        RecorderKeeping(MapRecorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public String state() {
            if (recorder.problem().isPresent()) {
                return Ui.text("start.keeping.problem", recorder.problem().get().getMessage());
            }
            return recorder.isSaved() ? Ui.text("start.keeping.saved") : Ui.text("start.keeping.saving");
        }

        @Override
        public boolean saved() {
            return recorder.isSaved();
        }

        @Override
        public void onChange(Consumer<String> listener) {
            recorder.onDurable(rev -> listener.accept(state()));
            recorder.onProblem(p -> listener.accept(state()));
        }

        @Override
        public void close() {
            recorder.close();
        }
    }
}
