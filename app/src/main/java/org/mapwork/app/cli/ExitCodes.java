package org.mapwork.app.cli;

/**
 * The exit codes of the {@code mapwork} command and all its subcommands, so that scripts
 * and workshop helpers can tell a bad input from a mistyped command.
 */
public final class ExitCodes {
    /** Everything went fine. */
    public static final int OK = 0;
    /** The command was understood but its input was not usable (a missing file, an invalid map). */
    public static final int INVALID_INPUT = 1;
    /** The command line itself was wrong: an unknown option or command, a missing argument. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
