package org.tlsrpthub.hub.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The system's Chromium (Debian package {@code chromium}) driven by Playwright, never a downloaded
 * browser. Missing Chromium fails the test in CI (CI=true) and skips it only on a developer's machine.
 */
final class Chromium {
    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Chromium() {}

    static void requirePresent() {
        boolean present = Files.isExecutable(EXECUTABLE);
        if ("true".equalsIgnoreCase(System.getenv("CI")) && !present) {
            fail("Chromium is required in CI but " + EXECUTABLE + " is missing: apt-get install -y chromium");
        }
        assumeTrue(present, "no Chromium at " + EXECUTABLE + " (apt-get install -y chromium)");
    }

    /** A browser with a fresh profile in {@code userDataDir}, so no state leaks between runs. */
    static BrowserContext launch(Playwright pw, Path userDataDir, int width, int height) {
        return pw.chromium().launchPersistentContext(userDataDir, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS).setViewportSize(width, height)
                .setTimeout(60_000));
    }
}
