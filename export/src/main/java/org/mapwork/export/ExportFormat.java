package org.mapwork.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats Mapwork writes, by the name used on the command line. */
public enum ExportFormat {
    SVG("svg", ".svg"),
    PNG("png", ".png"),
    PDF("pdf", ".pdf"),
    JSON("json", ".mapwork.json"),
    GRAPHML("graphml", ".graphml"),
    CSV("csv", "-nodes.csv"),
    KUMU("kumu", ".kumu.json"),
    MD("md", ".md"),
    HTML("html", ".html");

    private final String id;
    private final String extension;

    ExportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    public String id() {
        return id;
    }

    /** What a file of this format ends with. */
    public String extension() {
        return extension;
    }

    public static Optional<ExportFormat> byId(String id) {
        String k = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(k)).findFirst();
    }

    /** All ids, for help texts: {@code svg, png, ...}. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ExportFormat::id).toList());
    }
}
