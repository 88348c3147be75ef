package org.mapwork.bench.canvas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mapwork.editor.EditorApp;

/**
 * Cold start of the editor to the first frame of its start screen: each start is a new JVM running
 * {@link FirstFrameProbe} (the editor's own launcher, watched) under {@code xvfb-run} with the software pipeline, as
 * {@code ./mapwork} starts it. When the editor knows {@code --startup-report} it gets that flag too, and a library
 * directory of its own (a fresh one on the first start, the same one after), and its own report is printed beside.
 */
public final class ColdStart {

    private static final Pattern PROBE = Pattern.compile(
            "FIRST_FRAME jvm_ms=(-?\\d+) process_ms=(-?\\d+) first_pulse_jvm_ms=(-?\\d+) hooked_late=(\\w+)");

    private ColdStart() {
    }

    /** Runs {@code starts} cold starts (plus one on a fresh library, when the editor has one) and prints a table. */
    public static void report(int starts, Path outDir) throws IOException, InterruptedException {
        System.out.println("## 4. Cold start to the first frame of the start screen (child JVMs under xvfb-run, prism.order=sw)");
        boolean reportFlag = classMentions(EditorApp.class, "startup-report");
        boolean libraryFlag = classMentions(EditorApp.class, "no-library");
        System.out.println(reportFlag
                ? "editor: " + EditorApp.class.getName() + " with --startup-report (the full start screen over the library)"
                : "editor: " + EditorApp.class.getName() + " has no --startup-report: this is the PLACEHOLDER start screen");
        Path library = Files.createTempDirectory(outDir.toAbsolutePath(), "library-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // (the probe's process-start figure is left out: Linux gives a process' start against a boot time counted in
        // whole seconds, so it is off by up to a second)
        System.out.printf(Locale.ROOT, "%-4s %-22s %14s %16s %s%n", "run", "library", "JVM→frame ms",
                "JVM→1st pulse ms", "editor's own report");
        int total = libraryFlag ? starts + 1 : starts;
        for (int i = 1; i <= total; i++) {
            List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", java,
                    "-Dprism.order=sw", "-cp", System.getProperty("java.class.path"), FirstFrameProbe.class.getName()));
            String libraryState = "none (placeholder)";
            if (libraryFlag) {
                cmd.add("--library=" + library);
                libraryState = i == 1 ? "new (first start)" : "existing";
            }
            if (reportFlag) {
                cmd.add("--startup-report");
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> lines = readAll(p.getInputStream());
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            Matcher m = lines.stream().map(PROBE::matcher).filter(Matcher::find).findFirst().orElse(null);
            String own = String.join("; ", lines.stream().filter(l -> l.contains("after JVM start")).toList());
            if (m == null) {
                System.out.println(i + "    no first frame seen; the child printed:");
                lines.forEach(l -> System.out.println("       " + l));
                continue;
            }
            System.out.printf(Locale.ROOT, "%-4d %-22s %14s %16s %s%s%n", i, libraryState, m.group(1), m.group(3), own.isEmpty() ? "-" : own, Boolean.parseBoolean(m.group(4)) ? "  (probe hooked late!)" : "");
        }
    }

    private static List<String> readAll(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.add(line);
            }
        }
        return out;
    }

    /** Whether the class file contains a string constant (the editor's flags are string literals). */
    private static boolean classMentions(Class<?> c, String text) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in != null && new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(text);
        }
    }
}
