package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Ownership in real headless Chromium: a user who administers two organisations signs in, sees only
 * the first one's domain, switches to the second, sees only its domain, and names an owner there.
 */
class OrgBrowserTest {
    private static final String PASSWORD = "dana's long password";
    private static final String OVERVIEW = "/?period=365d";

    @TempDir Path dir;
    WebHub hub;
    Playwright playwright;
    BrowserContext browser;
    Page page;

    @BeforeEach
    void start() throws Exception {
        Chromium.requirePresent();
        Files.createDirectories(BrowserTest.SHOTS);
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("db")));
        Clock clock = Clock.systemUTC();
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        for (String domain : new String[] {"alpha.test", "beta.test"}) {
            ingest.ingest(ReportMail.json(domain, "sender.example", domain + "-1").getBytes(StandardCharsets.UTF_8),
                    Provenance.file(domain + ".json", clock.instant()));
        }
        OrgService orgs = new OrgService(db, clock);
        orgs.create(Scope.wholeHub(), "zeta", "Zeta Ltd"); // after "default": a session starts in the first organisation by slug
        Sql.update(db, "UPDATE domain_org SET org = 'zeta' WHERE domain = 'beta.test'"); // the '*' rule put both in 'default'
        AccessService access = new AccessService(db, clock);
        access.addUser("dana", PASSWORD.toCharArray(), false, "default", Role.ADMIN);
        orgs.addMember(Scope.wholeHub(), "zeta", "dana", Role.ADMIN);
        access.addUser("eve", "eve's long password".toCharArray(), false, "zeta", Role.VIEWER);
        hub = new WebHub(db);
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
    void signInSwitchOrganisationAndAssignAnOwner() {
        Chromium.signIn(page, hub, "dana", PASSWORD);
        page.navigate(hub.url(OVERVIEW).toString()); // the reports are of 2026-11-01
        assertThat(page.locator("tr[data-domain='alpha.test']").count()).isEqualTo(1);
        assertThat(page.locator("tr[data-domain='beta.test']").count()).as("another organisation's domain").isZero();

        page.locator("#org-switch select[name=org]").selectOption("zeta");
        page.locator("#org-switch button[type=submit]").click();
        page.waitForLoadState();
        page.navigate(hub.url(OVERVIEW).toString());
        assertThat(page.locator("tr[data-domain='beta.test']").count()).isEqualTo(1);
        assertThat(page.locator("tr[data-domain='alpha.test']").count()).isZero();
        assertThat(page.request().get(hub.url("/domains/alpha.test").toString()).status()).as("the other organisation's domain page").isEqualTo(404);

        page.navigate(hub.url("/domains/beta.test").toString());
        page.locator("#add-owner select[name=kind]").selectOption("user");
        page.locator("#add-owner input[name=name]").fill("eve");
        page.locator("#add-owner button[type=submit]").click();
        page.waitForSelector("#owners-table td:text-is('eve')");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("owners.png")).setFullPage(true));
        assertThat(page.request().get(hub.url("/api/v1/domains/beta.test/owners").toString()).text()).contains("\"eve\"");
    }
}
