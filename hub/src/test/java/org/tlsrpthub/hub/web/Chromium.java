package org.tlsrpthub.hub.web;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The system's Chromium (Debian package {@code chromium}) driven by Playwright, never a downloaded
 * browser. Missing Chromium fails the test (never a skip): .ci/run installs it.
 */
final class Chromium {
    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Chromium() {}

    static void requirePresent() {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("the browser tests need Chromium, but " + EXECUTABLE + " is missing: apt-get install -y chromium"
                    + " (or set CHROMIUM to its path)");
        }
    }

    /** A browser with a fresh profile in {@code userDataDir}, so no state leaks between runs. */
    static BrowserContext launch(Playwright pw, Path userDataDir, int width, int height) {
        return pw.chromium().launchPersistentContext(userDataDir, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS).setViewportSize(width, height)
                .setTimeout(60_000));
    }

    /** Signs in through the sign-in form and waits for the overview. */
    static void signIn(com.microsoft.playwright.Page page, WebHub hub, String user, String password) {
        page.navigate(hub.url("/login").toString());
        page.locator("input[name=user]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(hub.url("/").toString());
    }
}
