package org.mapwork.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mapwork.export.ExportFormat;
import org.mapwork.export.MapExporter;
import org.mapwork.export.MapImporter;
import org.mapwork.export.format.PdfExport;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.templates.Methods;
import org.mapwork.templates.common.ReportText;
import org.mapwork.templates.workshop.ShareSafe;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapwork export FILE --format F [-o OUT] [--dpi N] [--no-legend]}: a map as a figure, a table or a report. */
@Command(name = "export",
        description = {"Writes a map as svg, png, pdf, json, graphml, csv, kumu, md or html.",
                "FILE is a .mapwork.json map (or any file Mapwork imports)."})
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The map to export.")
    private Path file;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "F",
            description = "One of: svg, png, pdf, json, graphml, csv, kumu, md, html.")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "The file to write (default: beside FILE, named after it). For csv, NAME-nodes.csv, NAME-links.csv "
                    + "and NAME-map.csv; for md, NAME.md and its figure NAME.svg.")
    private Path output;

    @Option(names = "--force", description = "For md: replace an existing NAME.svg beside the report with its figure.")
    private boolean force;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "300", description = "PNG resolution (default: ${DEFAULT-VALUE}).")
    private double dpi;

    @Option(names = "--no-legend", description = "Leave out the legend.")
    private boolean noLegend;

    @Option(names = "--no-title", description = "Leave out the title block (title, method, date, team).")
    private boolean noTitle;

    @Option(names = "--page", paramLabel = "SIZE", defaultValue = "fit",
            description = "PDF page: fit (the map's size), a4 or letter (landscape). Default: ${DEFAULT-VALUE}.")
    private String page;

    @Option(names = "--share-safe", arity = "0..1", fallbackValue = "codes", paramLabel = "codes|types",
            description = {"For reports that leave the room: names replaced by codes (A1, A2, ...) or by actor types, "
                    + "notes, quotes and other free text left out, in every format. The key (code = name) is written "
                    + "only beside FILE, as NAME.share-key.csv: keep it in the room."})
    private String shareSafe;

    @Mixin
    private CliOptions cli;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            ExportFormat f = ExportFormat.byId(format).orElseThrow(() -> cli.usageError("export.unknown-format", format, ExportFormat.ids()));
            PdfExport.PageSize pageSize;
            try {
                pageSize = PdfExport.PageSize.valueOf(page.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw cli.usageError("export.unknown-page", page);
            }
            if (!(dpi >= 10 && dpi <= 2400)) {
                throw cli.usageError("export.dpi", dpi);
            }
            MapDocument doc = read(file);
            if (shareSafe != null) {
                doc = shareSafe(doc, out);
            }
            Path target = output != null ? output : MapExporter.defaultTarget(dirOf(file), baseName(file), f);
            if (f == ExportFormat.MD && !force && Files.exists(MapExporter.reportFigure(target))) {
                // the person named the report, not its figure: a file of theirs with that name is not replaced unasked
                throw cli.failure(ExitCodes.INVALID_INPUT, "export.figure-exists", MapExporter.reportFigure(target));
            }
            MapExporter.Options opts = MapExporter.Options.defaults().withDpi(dpi).withLegend(!noLegend)
                    .withTitleBlock(!noTitle).withPage(pageSize);
            try {
                for (Path p : new MapExporter().export(doc, f, target, opts)) {
                    out.println(cli.text("wrote", p));
                }
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.file", target, e.getMessage());
            } catch (IOException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.cannot-write", target, e.getMessage());
            }
        });
    }

    /** The share-safe copy every format is written from; its key goes beside FILE, never beside the export. */
    private MapDocument shareSafe(MapDocument doc, java.io.PrintWriter out) throws CliOptions.Failure {
        ShareSafe.Mode mode;
        try {
            mode = ShareSafe.Mode.valueOf(shareSafe.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw cli.usageError("export.share-safe-mode", shareSafe);
        }
        ShareSafe.Result safe = ShareSafe.of(MapFiles.method(doc), doc, mode);
        Path key = dirOf(file).resolve(baseName(file) + ".share-key.csv");
        try {
            Files.writeString(key, ReportText.csv(safe.keyTable()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cli.failure(ExitCodes.INVALID_INPUT, "error.cannot-write", key, e.getMessage());
        }
        out.println(cli.text("export.share-key", key, safe.key().size()));
        return safe.doc();
    }

    static MapDocument read(Path file) throws MapFormatException {
        if (!Files.exists(file)) {
            throw new MapFormatException(file.toString(), "file", "no such file");
        }
        if (file.getFileName().toString().endsWith(MapJson.EXTENSION)) {
            return new MapJsonReader(Methods.schemas()).read(file);
        }
        return new MapImporter(new ImportContext(Methods.schemas(), null)).read(file).document();
    }

    static Path dirOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** {@code map.mapwork.json} → {@code map}, {@code diagram.drawio} → {@code diagram}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(MapJson.EXTENSION)) {
            return name.substring(0, name.length() - MapJson.EXTENSION.length());
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
