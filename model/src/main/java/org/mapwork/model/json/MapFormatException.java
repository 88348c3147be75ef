package org.mapwork.model.json;

/**
 * A map file could not be read. The message says where (file, and a JSON path such as
 * {@code $.elements[12].attributes.influence} or a line and column) and what was wrong.
 */
public final class MapFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    public MapFormatException(String source, String location, String problem) {
        super(source + ": " + location + ": " + problem);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    public MapFormatException(String source, String location, String problem, Throwable cause) {
        this(source, location, problem);
        initCause(cause);
    }

    /** The file or stream name. */
    public String source() {
        return source;
    }

    /** A JSON path ({@code $.elements[3].id}) or {@code line L, column C}. */
    public String location() {
        return location;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }
}
