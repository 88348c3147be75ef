package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.store.Library;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapDiff;
import org.mapwork.store.MapRecorder;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/** Every method's maps go into the library and come back out of its log exactly, with the real schemas. */
class LibraryWithMethodsTest {

    @TempDir
    Path dir;

    @Test
    void everyMethodsExampleAndEmptyStarterRoundTripsThroughTheLibrary() {
        assertFalse(Methods.all().isEmpty());
        try (Library lib = Library.open(dir, Methods.schemas(), Library.Options.defaults().withBackupOnClose(false))) {
            for (MethodTemplate method : Methods.all()) {
                for (boolean example : new boolean[] {true, false}) {
                    for (Locale lang : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("es")}) {
                        MapDocument doc = method.starter(example, lang);
                        lib.createMap(doc);
                        LoadedMap m = lib.load(doc.id());
                        assertEquals(doc, m.document(), method.id() + " example=" + example + " " + lang);
                        assertEquals(doc, lib.documentAt(doc.id(), m.revision()), method.id());
                        // and its layout, a big change set of the method's own, goes through the log too
                        MapSession s = new MapSession(m.document(), m.schema(), "a-test", m.lastSeq());
                        try (MapRecorder r = lib.record(m, s)) {
                            s.apply(method.layout(s.document(), java.util.Set.of()));
                        }
                        assertEquals(s.document(), lib.load(doc.id()).document(), method.id() + " after layout");
                        // restoring the starter from the laid-out map is exact
                        assertEquals(doc, org.mapwork.model.ChangeEngine.apply(s.document(), m.schema(),
                                MapDiff.between(s.document(), doc, m.schema(), "restore")).after());
                    }
                }
            }
        }
    }
}
