package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.alerts.Scenario.AT;
import static org.tlsrpthub.hub.alerts.Scenario.failure;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.AlertSettings;
import org.tlsrpthub.hub.alerts.Scenario;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.DataClock;
import org.tlsrpthub.hub.testsupport.Sql;

/** An analyst finds an incident from the overview in headless Chromium, reads its evidence and acknowledges it. */
class IncidentBrowserTest {
    static final String USER = "ana";
    static final String PASSWORD = "an analyst's password";

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
    void anAnalystAcknowledgesAnIncident() throws Exception {
        Chromium.requirePresent();
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("db")));
        new Scenario(db).daily("a.test", "good.test", -17, -3, 1000)
                .daily("a.test", "good.test", -3, 0, 800, failure("starttls-not-supported", "mx1.a.test", 200)).store();
        Sql.update(db, "DELETE FROM domain_org WHERE domain = 'a.test'");
        Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES ('a.test', 'default', 0)");
        new AlertService(db, Clock.fixed(AT, ZoneOffset.UTC), AlertSettings.defaults(), (c, t) -> { }).run(AT, null);
        long id = Sql.count(db, "SELECT id FROM incident WHERE rule = 'sender-failing'");
        new AccessService(db, Clock.systemUTC()).addUser(USER, PASSWORD.toCharArray(), false, OrgService.DEFAULT_ORG, Role.ANALYST);
        // The hub's own evaluation job must see the scenario's day, not today's: a day later the incident has resolved.
        hub = new WebHub(db, DataClock.runningFrom(AT));
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, dir.resolve("profile"), 1280, 900);
        Page page = browser.newPage();
        page.setDefaultTimeout(20_000);
        Chromium.signIn(page, hub, USER, PASSWORD);

        assertThat(page.locator("#needs-attention li[data-domain='a.test']").textContent()).contains("critical");
        page.locator("#needs-attention a").first().click();
        page.locator("#incidents-table tr[data-incident='" + id + "'] a").first().click();
        page.waitForURL(hub.url("/incidents/" + id).toString());
        assertThat(page.locator("#incident-summary").textContent()).contains("good.test").contains("STARTTLS stripping");
        assertThat(page.locator("#incident-evidence a[href^='/reports/']").count()).isEqualTo(3);
        page.locator("#ack-button").click();
        page.waitForURL(u -> u.contains("done="));
        assertThat(page.locator("#incident-ack").textContent()).contains("Acknowledged by " + USER);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM incident WHERE id = ? AND acked_by = ?", id, USER)).isEqualTo(1);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'incident-acknowledged' AND actor = ?", USER)).isEqualTo(1);

        page.navigate(hub.url("/domains/a.test").toString());
        assertThat(page.locator("#domain-incidents").textContent()).contains("sender-failing").contains("acknowledged by " + USER);
        Files.createDirectories(BrowserTest.SHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("domain-incidents.png")).setFullPage(true));
    }
}
