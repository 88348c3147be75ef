package org.mapwork.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.mapwork.export.format.CsvExport;
import org.mapwork.export.format.GraphmlExport;
import org.mapwork.export.format.KumuExport;
import org.mapwork.export.format.PdfExport;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.ReportExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * Writes a map in any {@link ExportFormat}: the one entry point for the CLI and the editor's export dialog.
 * Each file is written to a temporary sibling first and moved into place, so a failed export never leaves half a
 * file where a good one was.
 */
public final class MapExporter {

    /**
     * How to export.
     *
     * @param dpi        PNG resolution
     * @param legend     draw the legend (svg, png, pdf, html)
     * @param titleBlock draw the title block
     * @param page       PDF page size
     * @param locale     language of report headings and type names
     */
    public record Options(double dpi, boolean legend, boolean titleBlock, PdfExport.PageSize page, Locale locale) {
        public static Options defaults() {
            return new Options(PngExport.DEFAULT_DPI, true, true, PdfExport.PageSize.FIT, Locale.ENGLISH);
        }

        public Options withDpi(double d) {
            return new Options(d, legend, titleBlock, page, locale);
        }

        public Options withLegend(boolean l) {
            return new Options(dpi, l, titleBlock, page, locale);
        }

        public Options withTitleBlock(boolean t) {
            return new Options(dpi, legend, t, page, locale);
        }

        public Options withPage(PdfExport.PageSize p) {
            return new Options(dpi, legend, titleBlock, p, locale);
        }

        RenderOptions render() {
            return RenderOptions.file().withLegend(legend).withTitleBlock(titleBlock);
        }
    }

    private final Function<String, Optional<MethodTemplate>> methods;

    public MapExporter() {
        this(Methods::byId);
    }

    public MapExporter(Function<String, Optional<MethodTemplate>> methods) {
        this.methods = methods;
    }

    /** The file name a map gets in a format by default: {@code dir/NAME.svg}, {@code dir/NAME-nodes.csv}, ... */
    public static Path defaultTarget(Path dir, String name, ExportFormat format) {
        return dir.resolve(name + format.extension());
    }

    /**
     * Writes {@code doc} as {@code format} to {@code target} (for csv: {@code NAME-nodes.csv}, with {@code
     * NAME-links.csv} beside it; for md: {@code NAME.md} with {@code NAME.svg} beside it). Returns the files written.
     */
    public List<Path> export(MapDocument doc, ExportFormat format, Path target, Options opts) throws IOException {
        MapPainter painter = new MapPainter(methods);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String file = target.getFileName().toString();
        switch (format) {
            case SVG -> atomically(target, out -> SvgExport.write(doc, painter, opts.render(), out));
            case PNG -> atomically(target, out -> PngExport.write(doc, painter, opts.render(), opts.dpi(), out));
            case PDF -> atomically(target, out -> PdfExport.write(doc, painter, opts.render(), opts.page(), out));
            case JSON -> atomically(target, out -> MapJson.write(doc, out));
            case GRAPHML -> atomically(target, out -> new GraphmlExport(methods).write(doc, out));
            case KUMU -> atomically(target, out -> new KumuExport(methods).write(doc, out));
            case CSV -> {
                String name = file.endsWith("-nodes.csv") ? file.substring(0, file.length() - "-nodes.csv".length())
                        : file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
                CsvExport csv = new CsvExport(methods);
                Path nodes = dir.resolve(name + "-nodes.csv");
                Path links = dir.resolve(name + "-links.csv");
                atomically(nodes, out -> csv.writeNodes(doc, out));
                atomically(links, out -> csv.writeLinks(doc, out));
                return List.of(nodes, links);
            }
            case MD -> {
                String name = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
                Path figure = dir.resolve(name + ".svg");
                atomically(figure, out -> SvgExport.write(doc, painter, opts.render(), out));
                String md = new ReportExport(methods, opts.locale()).markdown(doc, figure.getFileName().toString());
                atomically(target, out -> out.write(md.getBytes(StandardCharsets.UTF_8)));
                return List.of(target, figure);
            }
            case HTML -> {
                String html = new ReportExport(methods, opts.locale()).html(doc, painter);
                atomically(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
            }
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
        return List.of(target);
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static void atomically(Path target, Writing writing) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writing.to(out);
            }
            // temporary files are private (rw-------); an exported file is for sharing, like any other document
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
