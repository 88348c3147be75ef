package org.mapwork.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Each file is written to a temporary sibling first and moved into place once all of the export's files are complete
 * ({@link StagedFiles}), so a failed or cancelled export never leaves half a file where a good one was.
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
     * NAME-links.csv} and {@code NAME-map.csv} beside it; for md: {@code NAME.md} with {@code NAME.svg} beside it). Returns the files written.
     */
    public List<Path> export(MapDocument doc, ExportFormat format, Path target, Options opts) throws IOException {
        return export(doc, format, target, opts, ExportProgress.NONE);
    }

    /**
     * As {@link #export(MapDocument, ExportFormat, Path, Options)}, telling {@code progress} how far it has come and
     * stopping when it says so. All files of the export are written beside their targets first and moved into place
     * only when all are complete, so a cancelled or failed export leaves none of them (and no temporary file).
     */
    /** The figure a Markdown report at {@code target} is written with: {@code NAME.svg} beside {@code NAME.md}. */
    public static Path reportFigure(Path target) {
        String file = target.getFileName().toString();
        String name = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
        return target.toAbsolutePath().getParent().resolve(name + ".svg");
    }

    public List<Path> export(MapDocument doc, ExportFormat format, Path target, Options opts, ExportProgress progress)
            throws IOException {
        MapPainter painter = new MapPainter(methods);
        // a large map's drawing stops within a few hundred elements of a cancel, not at the file's first byte
        painter.stopWhen(progress::cancelled);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String file = target.getFileName().toString();
        List<Path> written = List.of(target);
        try (StagedFiles staged = new StagedFiles(progress, format == ExportFormat.CSV ? 3 : format == ExportFormat.MD ? 2 : 1)) {
            switch (format) {
                case SVG -> staged.write(target, out -> SvgExport.write(doc, painter, opts.render(), out));
                case PNG -> staged.write(target, out -> PngExport.write(doc, painter, opts.render(), opts.dpi(), out));
                case PDF -> staged.write(target, out -> PdfExport.write(doc, painter, opts.render(), opts.page(), out));
                case JSON -> staged.write(target, out -> MapJson.write(doc, out));
                case GRAPHML -> staged.write(target, out -> new GraphmlExport(methods).write(doc, out));
                case KUMU -> staged.write(target, out -> new KumuExport(methods).write(doc, out));
                case CSV -> {
                    String name = file.endsWith("-nodes.csv") ? file.substring(0, file.length() - "-nodes.csv".length())
                            : file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
                    CsvExport csv = new CsvExport(methods);
                    Path nodes = dir.resolve(name + "-nodes.csv");
                    Path links = dir.resolve(name + "-links.csv");
                    staged.write(nodes, out -> csv.writeNodes(doc, out));
                    Path map = dir.resolve(name + "-map.csv");
                    staged.write(links, out -> csv.writeLinks(doc, out));
                    staged.write(map, out -> csv.writeMap(doc, out));
                    written = List.of(nodes, links, map);
                }
                case MD -> {
                    Path figure = reportFigure(target);
                    staged.write(figure, out -> SvgExport.write(doc, painter, opts.render(), out));
                    String md = new ReportExport(methods, opts.locale()).markdown(doc, figure.getFileName().toString());
                    staged.write(target, out -> out.write(md.getBytes(StandardCharsets.UTF_8)));
                    written = List.of(target, figure);
                }
                // the report draws its figure while its file is being written, so that a cancel in the drawing is one
                case HTML -> staged.write(target, out -> out.write(
                        new ReportExport(methods, opts.locale()).html(doc, painter).getBytes(StandardCharsets.UTF_8)));
                default -> throw new IllegalArgumentException("unknown format " + format);
            }
            staged.moveIntoPlace();
        }
        return written;
    }
}
