package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

class LibraryReplayPropertiesTest {

    @Property(tries = 25)
    void theLoggedChangeSetsReplayToTheLiveDocumentAtEveryRevision(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 1, max = 80) int edits,
                                                                   @ForAll @IntRange(min = 1, max = 20) int snapshotEvery)
            throws IOException {
        Path dir = Files.createTempDirectory("mapwork-replay");
        try {
            List<MapDocument> states = new ArrayList<>();
            Library.Options options = Library.Options.defaults().withSnapshotEvery(snapshotEvery).withBackupOnClose(false);
            MapDocument live;
            try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options)) {
                lib.createMap(ChangeEngine.apply(TestMaps.empty("m-1", "Map"), TestMaps.SCHEMA, TestMaps.starterContent()).after());
                LoadedMap m = lib.load("m-1");
                states.add(lib.documentAt("m-1", 0));
                states.add(m.document());
                MapSession session = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
                TestMaps.RandomEdits random = new TestMaps.RandomEdits(seed);
                MapRecorder recorder = lib.record(m, session);
                for (int i = 0; i < edits; i++) {
                    ChangeSet draft = random.next(session.document());
                    try {
                        if (i % 7 == 6 && session.history().canUndo()) {
                            session.undo();
                        } else {
                            session.apply(draft);
                        }
                    } catch (ChangeRejected refused) {
                        continue;
                    }
                    if (states.size() - 1 < recorder.lastRevision()) {
                        states.add(session.document());
                    }
                }
                live = session.document();
                recorder.close();
                Iterator<RevisionState> replay = lib.replay("m-1");
                for (int r = 0; r < states.size(); r++) {
                    assertEquals(states.get(r), replay.next().document(), "replayed revision " + r);
                }
            }
            try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options)) {
                assertEquals(live, lib.load("m-1").document(), "reopened");
                for (int r = 0; r < states.size(); r += 1 + r / 5) {
                    assertEquals(states.get(r), lib.documentAt("m-1", r), "revision " + r);
                }
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 200)
    void theDiffBetweenTwoStatesOfAMapLeadsFromOneToTheOther(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int a,
                                                             @ForAll @IntRange(min = 0, max = 40) int b) {
        MapDocument start = ChangeEngine.apply(TestMaps.empty("m-1", "Map"), TestMaps.SCHEMA, TestMaps.starterContent()).after();
        TestMaps.RandomEdits random = new TestMaps.RandomEdits(seed);
        List<MapDocument> states = new ArrayList<>(List.of(start));
        MapDocument doc = start;
        while (states.size() <= Math.max(a, b)) {
            try {
                doc = ChangeEngine.apply(doc, TestMaps.SCHEMA, random.next(doc)).after();
                states.add(doc);
            } catch (ChangeRejected refused) {
                // try another
            }
        }
        MapDocument from = states.get(a), to = states.get(b);

        ChangeSet diff = MapDiff.between(from, to, TestMaps.SCHEMA, "restore");

        assertEquals(to, ChangeEngine.apply(from, TestMaps.SCHEMA, diff).after());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
