package org.mapwork.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mapwork.collab.net.JoinAddress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mapwork join URL [--name NAME]}: opens the editor on a map shared on this network (the join address the
 * host's Share dialog or {@code mapwork hub} shows). A malformed address is refused here, naming what is wrong; a
 * hub that refuses or cannot be reached is said in the editor's Join dialog, which stays open to try again.
 */
@Command(name = "join",
        description = {"Open the editor on a map shared on this network.",
            "URL is the join address the host shows: ws://HOST:PORT/maps/MAP#TOKEN."})
public final class JoinCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The join address (it carries the map's token).")
    private String url;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Your name as the others see it (kept for the next time; asked for when never given).")
    private String name;

    @Option(names = "--library", paramLabel = "DIR",
            description = "The library the editor opens (default: $MAPWORK_HOME, else ~/.mapwork).")
    private Path library;

    @Mixin
    private CliOptions cli;

    private final Consumer<String[]> openEditor;
    private final BooleanSupplier hasDisplay;

    /**
     * @param openEditor gets the editor's arguments (the launcher opens it once the command line is done)
     * @param hasDisplay whether a window can be shown
     */
    public JoinCommand(Consumer<String[]> openEditor, BooleanSupplier hasDisplay) {
        this.openEditor = openEditor;
        this.hasDisplay = hasDisplay;
    }

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            JoinAddress address;
            try {
                address = JoinAddress.parse(url);
            } catch (IllegalArgumentException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "join.bad-address", e.getMessage());
            }
            if (name != null && name.isBlank()) {
                throw cli.failure(ExitCodes.USAGE, "join.blank-name");
            }
            if (!hasDisplay.getAsBoolean()) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "main.no-display");
            }
            List<String> args = new ArrayList<>();
            if (library != null) {
                args.add("--library=" + library.toAbsolutePath());
            }
            args.add("--join=" + address.toUri());
            if (name != null) {
                args.add("--name=" + name.strip());
            }
            openEditor.accept(args.toArray(new String[0]));
            return ExitCodes.OK;
        });
    }
}
