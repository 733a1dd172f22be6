package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * An admin hosts a policy in headless Chromium, is refused the promote (the verdict is not ready),
 * promotes with an override and a reason, rolls back to testing and reads the history. The hub runs
 * on the scenario's day, so the verdict is the scenario's whatever the date.
 */
class HostingBrowserTest {
    static final String USER = "ada";
    static final String PASSWORD = "an admin's password";
    static final String D = ReadinessScenario.DOMAIN;

    @TempDir Path dir;
    WebHub hub;
    Playwright playwright;
    BrowserContext browser;

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (hub != null) hub.close();
    }

    @Test
    void anAdminEditsPromotesWithAnOverrideAndRollsBack() throws Exception {
        Chromium.requirePresent();
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("db")));
        ReadinessScenario.readyWithStaleReporter(db);
        Sql.update(db, "DELETE FROM domain_org WHERE domain = ?", D);
        Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES (?, 'default', 0)", D);
        new AccessService(db, Clock.systemUTC()).addUser(USER, PASSWORD.toCharArray(), false, OrgService.DEFAULT_ORG, Role.ADMIN);
        Clock scenarioTime = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), ReadinessScenario.NOW));
        hub = new WebHub(db, new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0")),
                db, scenarioTime, s -> List.of(), WebHub.OFFLINE).start());
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, dir.resolve("profile"), 1280, 900);
        Page page = browser.newPage();
        page.setDefaultTimeout(20_000);
        Chromium.signIn(page, hub, USER, PASSWORD);

        page.navigate(hub.url("/domains/" + D).toString());
        page.locator("#hosting-link").click();
        page.waitForURL(hub.url("/domains/" + D + "/mta-sts").toString());
        assertThat(page.locator("#hosting-none").textContent()).contains("does not host a policy");

        // a wildcard the reports never applied: no day of reports under it, so the verdict is insufficient-data
        page.locator("#host-form select[name=mode]").selectOption("testing");
        page.locator("#host-form textarea[name=mx]").fill("*." + D);
        page.locator("#host-form input[name=max_age]").fill("604800");
        page.locator("#host-form input[name=reason]").fill("hosted by the hub from now on");
        page.locator("#host-form button[type=submit]").click();
        page.waitForURL(u -> u.contains("done="));
        assertThat(page.locator("#hosting-message").textContent()).contains("Hosted: a new version (version 1");
        assertThat(page.locator("#hosting-mode").textContent()).isEqualTo("testing");
        assertThat(page.locator("#hosting-txt").textContent()).startsWith("_mta-sts." + D + ". IN TXT \"v=STSv1; id=");
        assertThat(page.locator("#hosting-published").textContent()).contains("no live check yet");

        page.locator("#promote-form button[type=submit]").click();
        page.waitForURL(u -> u.contains("refused="));
        assertThat(page.locator("#hosting-message").textContent()).contains("Not changed: not promoted: the readiness verdict for " + D
                + " is insufficient-data");
        assertThat(page.locator("#hosting-mode").textContent()).isEqualTo("testing");

        page.locator("#promote-form input[name=override]").check();
        page.locator("#promote-form input[name=reason]").fill("every MX is ours and tested by hand");
        page.locator("#promote-form button[type=submit]").click();
        page.waitForURL(u -> u.contains("done="));
        assertThat(page.locator("#hosting-message").textContent()).contains("Promoted to enforce (version 2");
        assertThat(page.locator("#hosting-mode").textContent()).isEqualTo("enforce");

        page.locator("#rollback-form select[name=to]").selectOption("testing");
        page.locator("#rollback-form input[name=reason]").fill("a sender cannot reach mx2");
        page.locator("#rollback-form button[type=submit]").click();
        page.waitForURL(u -> u.contains("Rolled+back") || u.contains("Rolled%20back"));
        assertThat(page.locator("#hosting-mode").textContent()).isEqualTo("testing");

        assertThat(page.locator("#hosting-history tbody tr").count()).isEqualTo(3);
        assertThat(page.locator("#hosting-history tr[data-version='3']").textContent()).contains("rollback").contains("a sender cannot reach mx2");
        assertThat(page.locator("#hosting-history tr[data-version='2']").textContent()).contains("promote").contains("insufficient-data")
                .contains("override of verdict insufficient-data; every MX is ours and tested by hand");
        assertThat(page.locator("#hosting-history tr[data-version='1']").textContent()).contains("create").contains(USER);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action LIKE 'policy-%'", USER)).isEqualTo(3);
        Files.createDirectories(BrowserTest.SHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("mta-sts-hosting.png")).setFullPage(true));
    }
}
