package org.mapwork.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mapwork.model.json.MapJson;

/**
 * Maps written out of the library as native files, each named after its title ({@code power-map-team-b.mapwork.json})
 * so that a folder of them reads like the library's list; a second map of the same title gets its id added.
 */
final class MapExport {

    private static final int LONGEST_NAME = 60;

    private final Set<String> used = new HashSet<>();

    /** Writes the map's document into {@code dir}; returns the file. */
    Path write(LoadedMap m, Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = slug(m.document().title());
        if (base.isEmpty() || !used.add(base)) {
            base = (base.isEmpty() ? "" : base + "-") + m.entry().id();
            used.add(base);
        }
        Path file = dir.resolve(base + MapJson.EXTENSION);
        MapJson.writeFile(m.document(), file);
        return file;
    }

    /** Writes every map's current document into {@code dir}. */
    static List<Path> writeAll(Maps maps, Path dir) throws IOException {
        MapExport export = new MapExport();
        List<Path> out = new ArrayList<>();
        for (MapEntry m : maps.list()) {
            out.add(export.write(maps.load(m.id()), dir));
        }
        return out;
    }

    /** A title as a file name: letters without accents and digits, lower case, dashes between, at most 60 long. */
    static String slug(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > LONGEST_NAME ? s.substring(0, LONGEST_NAME).replaceAll("-+$", "") : s;
    }
}
