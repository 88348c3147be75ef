package org.mapwork.store;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Something the library could not do, said so that a person can act on it: which library or map, what went wrong,
 * and where possible what to do next. Subclasses name the cases a caller handles differently.
 */
public class LibraryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LibraryException(String message) {
        super(message);
    }

    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of a message: H2's and Flyway's carry a stack of details a person does not need. */
    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The message of the problem itself, under the wrappers that futures and executors add. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t instanceof CompletionException || t instanceof ExecutionException
                || t.getMessage() == null)) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
