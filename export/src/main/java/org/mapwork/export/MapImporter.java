package org.mapwork.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.mapwork.export.imports.CsvImport;
import org.mapwork.export.imports.DrawioImport;
import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.export.imports.GraphmlImport;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.export.imports.ImportResult;
import org.mapwork.export.imports.KumuImport;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;

/**
 * Opens a file from another tool (or a Mapwork export) as a map, choosing the reader by the file's name and first
 * bytes: {@code .mapwork.json}, Kumu {@code .json} or {@code .kumu}, {@code .graphml}, {@code .drawio}/{@code .xml},
 * {@code .csv} (a {@code NAME-nodes.csv} brings its {@code NAME-links.csv} and {@code NAME-map.csv} along),
 * Mapwork's {@code .svg} and {@code .png}.
 */
public final class MapImporter {

    private final ImportContext context;

    public MapImporter(ImportContext context) {
        this.context = context;
    }

    public ImportResult read(Path file) throws MapFormatException {
        String source = file.toString();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        context.limits().checkFileSize(file);
        try {
            if (name.endsWith(".csv")) {
                Path links = null, map = null;
                if (name.endsWith("-nodes.csv")) {
                    String base = file.getFileName().toString();
                    String stem = base.substring(0, base.length() - "-nodes.csv".length());
                    links = sibling(file, stem + "-links.csv");
                    map = sibling(file, stem + "-map.csv");
                    for (Path p : new Path[] {links, map}) {
                        if (p != null) {
                            context.limits().checkFileSize(p);
                        }
                    }
                }
                try (InputStream nodes = Files.newInputStream(file);
                     InputStream l = links == null ? null : Files.newInputStream(links);
                     InputStream m = map == null ? null : Files.newInputStream(map)) {
                    return new CsvImport(context).read(source, nodes, links == null ? null : links.toString(), l,
                            map == null ? null : map.toString(), m);
                }
            }
            byte[] head = head(file);
            String start = new String(head, StandardCharsets.UTF_8).stripLeading();
            try (InputStream in = Files.newInputStream(file)) {
                if (name.endsWith(".png") || (head.length > 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P')) {
                    return new ImportResult(new EmbeddedMapImport(context.schemas(), context.limits()).readPng(source, in), List.of());
                }
                if (name.endsWith(".svg")) {
                    return new ImportResult(new EmbeddedMapImport(context.schemas(), context.limits()).readSvg(source, in), List.of());
                }
                if (name.endsWith(".graphml") || start.contains("<graphml")) {
                    return new GraphmlImport(context).read(source, in);
                }
                if (name.endsWith(".drawio") || start.contains("<mxfile") || start.contains("<mxGraphModel")) {
                    return new DrawioImport(context).read(source, in);
                }
                if (name.endsWith(".kumu")) {
                    return new KumuImport(context).read(source, in);
                }
                if (name.endsWith(".json")) {
                    if (start.contains("\"format\"") && start.contains("\"mapwork\"")) {
                        return new ImportResult(new MapJsonReader(context.schemas()).withLimits(context.limits()).read(source, in), List.of());
                    }
                    return new KumuImport(context).read(source, in);
                }
            }
            throw new MapFormatException(source, "file", "cannot tell what kind of file this is; Mapwork imports "
                    + ".mapwork.json, Kumu .json or .kumu, .graphml, .drawio, .csv and its own .svg and .png");
        } catch (NoSuchFileException e) {
            throw new MapFormatException(source, "file", "no such file");
        } catch (IOException e) {
            throw new MapFormatException(source, "file", "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * What kind of other tool's file this is, when it is not JSON ("GraphML", "draw.io", "SVG", "PNG", "CSV", "XML"),
     * so that a command that wants a map can say "this is a GraphML file" instead of "not valid JSON". Empty for JSON
     * and for files that cannot be read.
     */
    public static java.util.Optional<String> otherKind(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] head;
        try {
            head = head(file);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (head.length > 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return java.util.Optional.of("PNG");
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return java.util.Optional.empty();
        }
        if (start.contains("<graphml")) {
            return java.util.Optional.of("GraphML");
        }
        if (start.contains("<mxfile") || start.contains("<mxGraphModel")) {
            return java.util.Optional.of("draw.io");
        }
        if (start.contains("<svg")) {
            return java.util.Optional.of("SVG");
        }
        if (start.startsWith("<")) {
            return java.util.Optional.of("XML");
        }
        if (name.endsWith(".csv")) {
            return java.util.Optional.of("CSV");
        }
        return java.util.Optional.empty();
    }

    private static Path sibling(Path file, String name) {
        Path p = file.resolveSibling(name);
        return Files.exists(p) ? p : null;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(512);
        }
    }
}
