package org.mapwork.collab;

/**
 * A message from the network that is not what the protocol allows. The message names the JSON path of the first
 * problem, e.g. {@code $.changeSet.changes[3].element.order: expected a string}.
 */
public final class WireException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public WireException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public WireException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** Where in the message, as a JSON path from {@code $}. */
    public String path() {
        return path;
    }

    /** What was wrong there. */
    public String problem() {
        return problem;
    }
}
