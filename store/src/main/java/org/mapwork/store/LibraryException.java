package org.mapwork.store;

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
}
