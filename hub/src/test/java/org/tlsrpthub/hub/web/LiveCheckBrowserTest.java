package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live checks in real headless Chromium: an analyst opens the coverage page (a.example not
 * checked yet), clicks through to the domain, presses "Check now", and sees the live state beside
 * the reports; the coverage page then shows the domain's facts and filters on them.
 */
class LiveCheckBrowserTest {
    @TempDir Path dir;
    WebHub hub;
    Playwright playwright;
    BrowserContext browser;
    Page page;

    @BeforeEach
    void start() throws Exception {
        Chromium.requirePresent();
        Files.createDirectories(BrowserTest.SHOTS);
        hub = LiveCheckSurfacesTest.hubWithChecks(dir.resolve("db"));
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, dir.resolve("profile"), 1280, 900);
        page = browser.newPage();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (hub != null) hub.close();
    }

    @Test
    void checkNowFromTheDomainPageAndSeeItOnTheCoveragePage() {
        Chromium.signIn(page, hub, "ana", "ana password 12");

        page.navigate(hub.url("/coverage").toString());
        assertThat(page.locator("tr[data-domain='a.example']").innerText()).contains("not checked yet");
        assertThat(page.locator("tr[data-domain='b.example']").count()).as("another organisation's domain").isZero();
        page.locator("tr[data-domain='a.example'] a").click();
        page.waitForSelector("#live-none");

        page.locator("#check-now button[type=submit]").click();
        page.waitForSelector("#live-findings");
        assertThat(page.locator("#live-when").innerText()).contains("Checked 2026-02-20 12:00 UTC (now)");
        assertThat(page.locator("#beside-mx .verdict").innerText()).startsWith("fixed, reports catching up");
        assertThat(page.locator("#beside-policies .verdict").innerText()).isEqualTo("stale policy");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("live-checks.png")).setFullPage(true));

        page.navigate(hub.url("/coverage").toString());
        assertThat(page.locator("tr[data-domain='a.example']").innerText()).contains("testing", "12", "inactive");
        page.locator("#filter-certificate-soon").click();
        page.waitForURL(hub.url("/coverage?filter=certificate-soon").toString());
        assertThat(page.locator("tr[data-domain='a.example']").count()).isEqualTo(1);
        page.locator("#filter-missing-tlsrpt").click();
        page.waitForURL(hub.url("/coverage?filter=missing-tlsrpt").toString());
        assertThat(page.locator("tr[data-domain='a.example']").count()).isZero();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("coverage.png")).setFullPage(true));
        assertThat(page.request().get(hub.url("/api/v1/coverage.csv").toString()).text()).contains("a.example,2026-02-20T12:00:00Z");
    }
}
