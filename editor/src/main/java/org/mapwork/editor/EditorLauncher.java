package org.mapwork.editor;

import javafx.application.Application;

/**
 * Starts the editor from a plain class, which works on the class path, unlike a main class
 * that itself extends {@link Application}.
 */
public final class EditorLauncher {

    private EditorLauncher() {
    }

    /** Runs the editor alone (screenshots, benchmarks): the same arguments as {@link #launch}. */
    public static void main(String[] args) {
        launch(args);
    }

    /**
     * Opens the editor window and returns when the last window has closed.
     *
     * @param args an optional map file to open; passed to {@link EditorApp} as its parameters
     */
    public static void launch(String[] args) {
        StartupReport.launched = System.currentTimeMillis();
        // the methods' types, texts and pictograms load while the JavaFX toolkit starts, not after it
        Thread methods = new Thread(org.mapwork.templates.Methods::all, "load-methods");
        methods.setDaemon(true);
        methods.start();
        Application.launch(EditorApp.class, args);
    }
}
