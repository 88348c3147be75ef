package org.mapwork.app.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.mapwork.export.MapImporter;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/** Reading native map files for the commands, with every method's schema and a message naming the file and place. */
public final class MapFiles {

    private MapFiles() {
    }

    /**
     * Reads a native map file.
     *
     * @throws MapFormatException with the file and the place (JSON path or line) of the problem
     */
    public static MapDocument read(Path file) throws MapFormatException {
        return new MapJsonReader(Methods.schemas()).read(file);
    }

    /**
     * Reads a native map file for a command that wants one ({@code check}, {@code info}, {@code layout}, ...): another
     * tool's file (GraphML, draw.io, SVG, PNG, CSV) is not "not valid JSON" but that kind of file, with the command
     * that makes a map of it.
     *
     * @throws CliOptions.Failure when the file is another tool's
     * @throws MapFormatException with the file and the place of any other problem
     */
    static MapDocument read(CliOptions cli, Path file) throws CliOptions.Failure, MapFormatException {
        try {
            return read(file);
        } catch (MapFormatException e) {
            Optional<String> other = otherFormat(cli, file);
            if (other.isPresent()) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.prefixed", cli.commandName(), other.get());
            }
            throw e;
        }
    }

    /** What {@code file} is when it is another tool's file rather than a map, in the command's language; else empty. */
    static Optional<String> otherFormat(CliOptions cli, Path file) {
        return MapImporter.otherKind(file).map(kind -> kind.equals("XML") ? cli.text("other-format.xml", file)
                : cli.text("other-format", file, kind, file));
    }

    /** The template of a map (its method is known, or the reader would have refused it). */
    static MethodTemplate method(MapDocument doc) {
        return Methods.byId(doc.methodId()).orElseThrow();
    }
}
