package org.mapwork.editor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.editor.start.Shelf;
import org.mapwork.editor.start.StartViewModel;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.Methods;

/** Export… offers every format of the export module, and what Import… reads comes back with its actors. */
class ExportFormatsTest {

    @Test
    void every_format_writes_its_file_and_the_exchange_formats_import_back(@TempDir Path dir) throws Exception {
        MapDocument doc = Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
        Set<String> labels = doc.nodes().map(Element::label).collect(Collectors.toSet());
        int i = 0;
        for (ExportDialog.Format f : ExportDialog.formats()) {
            Path file = dir.resolve("map" + (i++) + f.extension());
            ExportDialog.write(f, doc, RenderOptions.file(), file);
            Path written = f.extension().equals(".csv") ? dir.resolve(file.getFileName().toString()
                    .replace(".csv", "-nodes.csv")) : file;
            assertTrue(Files.size(written) > 100, f.name() + " wrote " + written);
            // CSV (with its map sheet) and Kumu JSON (with its mapwork header) carry the map attributes too
            if (Set.of(".svg", ".png", ".graphml", ".csv").contains(f.extension()) || f.name().startsWith("Kumu")) {
                StartViewModel vm = new StartViewModel(Shelf.none());
                StartViewModel.Opening o = vm.importFile(written, "net-map");
                assertTrue(o.ok(), f.name() + ": " + o.problem());
                assertEquals(labels, o.map().session().document().nodes().map(Element::label)
                        .collect(Collectors.toSet()), f.name());
            }
        }
    }
}
