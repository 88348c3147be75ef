package org.mapwork.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.mapwork.model.json.MapFormatException;
import org.mapwork.store.LibraryException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code mapwork} command shares, mixed into each (picocli {@code @Mixin}): {@code --help} and
 * {@code --version}, {@code --lang} for the language of its messages, its output streams, its messages from the
 * bundles {@code org/mapwork/app/cli/messages*.properties}, and one way of turning a problem into a message and an
 * exit code.
 */
@Command(mixinStandardHelpOptions = true)
public final class CliOptions {

    /** The languages the command speaks; its messages fall back to English. */
    static final String LANGUAGES = "en|es";

    static final String BUNDLE = "org.mapwork.app.cli.messages";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--lang", paramLabel = LANGUAGES,
            description = "Language of the messages: en or es (default: the system's if it is Spanish, else en). "
                    + "For 'new', the language of the map (default: en).")
    private String lang;

    private boolean langNamesTheMap;

    /** A problem that ends a command: its message, already in the command's language, and its exit code. */
    public static final class Failure extends Exception {
        private final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** The work of a command, writing on out and err; it may end with a {@link Failure}. */
    @FunctionalInterface
    public interface Work {
        int run(PrintWriter out, PrintWriter err) throws Failure, MapFormatException, IOException;
    }

    /**
     * Runs a command's work: checks {@code --lang} (exit 2), and turns a map file's problem into its message (it names
     * the file and the place), a failed write or a library's problem into the command's name and the message, all
     * with exit code 1.
     */
    public int run(Work work) {
        PrintWriter out = out();
        PrintWriter err = err();
        if (lang != null && !lang.equals("en") && !lang.equals("es")) {
            err.println(text("error.lang", lang));
            return ExitCodes.USAGE;
        }
        try {
            return work.run(out, err);
        } catch (Failure f) {
            err.println(f.getMessage());
            return f.exitCode();
        } catch (MapFormatException e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException | LibraryException e) {
            err.println(text("error.prefixed", commandName(), e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** How messages name the command: {@code mapwork library show}, also when a test runs it alone. */
    public String commandName() {
        String q = command.qualifiedName(" ");
        return q.equals("mapwork") || q.startsWith("mapwork ") ? q : "mapwork " + q;
    }

    /** A {@link Failure} with exit code {@code exitCode} and the message {@code key}. */
    public Failure failure(int exitCode, String key, Object... args) {
        return new Failure(exitCode, text(key, args));
    }

    /** The message {@code key} in this command's language, its {@code %} placeholders filled in. */
    public String text(String key, Object... args) {
        return text(locale(), key, args);
    }

    /**
     * The message {@code key} in {@code locale}. The patterns are {@link java.util.Formatter}'s (not MessageFormat's)
     * because the commands print columns ({@code %-20s}) and numbers as they always have, without grouping.
     */
    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no CLI message \"" + key + "\" in " + BUNDLE, e);
        }
        return String.format(locale, pattern, args);
    }

    static ResourceBundle bundle(Locale locale) {
        // English is the base bundle; never fall back to the machine's locale for a language asked for by name
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The language of the messages: the one asked for with {@code --lang}, or else the system's when Spanish, or else English. */
    public Locale locale() {
        return lang != null && !langNamesTheMap ? Locale.forLanguageTag(lang) : systemLocale();
    }

    /**
     * For {@code mapwork new}, whose {@code --lang} has always been the language of the map it writes (English unless
     * given): from now on {@code --lang} names that, and the messages speak the system's language.
     *
     * @return the map's language
     */
    Locale langNamesTheMap() {
        langNamesTheMap = true;
        return lang != null ? Locale.forLanguageTag(lang) : Locale.ENGLISH;
    }

    /** {@code es} when the system's locale is Spanish, else English. */
    public static Locale systemLocale() {
        return Locale.getDefault().getLanguage().equals("es") ? Locale.forLanguageTag("es") : Locale.ENGLISH;
    }

    /** Speaks {@code parent}'s language when this command was given no {@code --lang} (library's subcommands). */
    void inheritLanguage(CliOptions parent) {
        if (lang == null) {
            lang = parent.lang;
        }
    }

    public PrintWriter out() {
        return command.commandLine().getOut();
    }

    public PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** The command line this command runs in, for picocli's own usage errors. */
    public CommandLine commandLine() {
        return command.commandLine();
    }

    /** A usage error in picocli's form (message, then the command's usage), with exit code 2. */
    public CommandLine.ParameterException usageError(String key, Object... args) {
        return new CommandLine.ParameterException(commandLine(), text(key, args));
    }
}
