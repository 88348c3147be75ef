package org.mapwork.collab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven by its own chromedriver through Selenium (no Selenium Manager, no downloads),
 * for the browser client's tests and the bench's figures (public, in collab's test-jar).
 */
public final class BrowserDriver implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private BrowserDriver(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Why Chromium cannot be started here, or {@code null} when it can. */
    public static String missing() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? null
                : "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install -y chromium chromium-driver";
    }

    /**
     * Starts Chromium for a test class; without it the class is skipped, loudly, or with
     * {@code MAPWORK_REQUIRE_CHROMIUM=1} (CI, {@code .ci/run}) fails.
     */
    public static BrowserDriver startOrSkip(int width, int height) throws IOException {
        String missing = missing();
        if (missing != null) {
            if ("1".equals(System.getenv("MAPWORK_REQUIRE_CHROMIUM"))) {
                org.junit.jupiter.api.Assertions.fail(missing);
            }
            System.err.println("WARNING: browser tests SKIPPED: " + missing);
            org.junit.jupiter.api.Assumptions.abort(missing);
        }
        return start(width, height);
    }

    /** Starts Chromium at {@code width}×{@code height}, with a fresh profile. */
    public static BrowserDriver start(int width, int height) throws IOException {
        if (missing() != null) {
            throw new IllegalStateException(missing());
        }
        Path profile = Files.createTempDirectory("mapwork-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new BrowserDriver(driver, service, profile);
    }

    /** Runs a script in the page and gives its result. */
    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Opens the page at a browser join address and gives a name. */
    public void join(String address, String name) {
        driver.get(address);
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("join-button")).click();
    }

    /** The keys of the fragments in the page, in paint order. */
    @SuppressWarnings("unchecked")
    public List<String> keys() {
        return (List<String>) js("return [...document.querySelectorAll('#items [data-item]')].map(g => g.dataset.item);");
    }

    /** The group the page shows for an element or part of the map. */
    public WebElement group(String key) {
        return driver.findElement(By.cssSelector("#items [data-item=\"" + key + "\"]"));
    }

    /** The connection's state as the page shows it: connecting, online, offline or refused. */
    public String status() {
        return driver.findElement(By.id("status")).getAttribute("data-state");
    }

    /** The page's console messages since the last call (errors, CSP violations). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
