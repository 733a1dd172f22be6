package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.demo.Demo;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;

/**
 * The dashboard in real headless Chromium on the demo data: sign in, every page, charts that drew,
 * numbers equal to the API's, and a hostile report shown as text with no script run.
 * Screenshots land in target/screenshots for a human look.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A report whose strings try to run script wherever they are shown. */
    static final String XSS_ORG = "<script>window.__xss=1</script>Evil Org";
    static final String XSS_REASON = "<img src=x onerror=\"window.__xss=2\">";
    static final String XSS_INFO = "https://evil.example/<a href=\"https://evil.example\">click</a>";

    @TempDir static Path dir;
    WebHub hub;
    String token;
    Playwright playwright;
    BrowserContext browser;
    Page page;

    @BeforeAll
    void start() throws Exception {
        Chromium.requirePresent();
        Files.createDirectories(SHOTS);
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("db")));
        Demo.fill(db, Clock.systemUTC());
        new IngestService(db, new CoreInputDecoder(), Clock.systemUTC())
                .ingest(xssReport(), Provenance.file("xss.json", Clock.systemUTC().instant()));
        token = new AccessService(db, Clock.systemUTC()).createToken(Demo.USER, "browser test").secret();
        hub = new WebHub(db);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, dir.resolve("profile"), 1280, 900);
        page = browser.newPage();
        page.setDefaultTimeout(20_000);
        signIn();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (hub != null) hub.close();
    }

    private void signIn() {
        page.navigate(hub.url("/").toString());
        assertThat(page.url()).contains("/login");
        page.locator("input[name=user]").fill(Demo.USER);
        page.locator("input[name=password]").fill(Demo.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(hub.url("/").toString());
    }

    @Test
    void overviewShowsEveryDomainWithTheApisNumbersAndDrawnSparklines() throws Exception {
        page.navigate(hub.url("/?period=30d&sort=domain&dir=asc").toString());
        JsonNode api = api("/api/v1/overview?period=30d&sort=domain&size=500");
        assertThat(page.locator("#kpi-sessions").textContent()).isEqualTo(count(api.at("/totals/totalSessions").asLong()));
        assertThat(page.locator("#kpi-domains").textContent()).isEqualTo(count(api.get("matching").asLong()));
        for (JsonNode d : api.get("items")) {
            Locator row = page.locator("tr[data-domain='" + d.get("domain").asText() + "']");
            assertThat(row.locator("[data-field=sessions]").textContent()).as(d.get("domain").asText())
                    .isEqualTo(count(d.at("/totals/totalSessions").asLong()));
            assertThat(row.locator("[data-field=failed]").textContent()).isEqualTo(count(d.at("/totals/failedSessions").asLong()));
            assertThat(row.locator(".status").textContent()).isEqualTo(d.get("status").asText().toLowerCase());
        }
        assertThat(page.locator("tr[data-domain='silent.example'] .status").textContent()).isEqualTo("silent");
        assertThat(page.locator("tr[data-domain='failing.example'] .status").textContent()).isEqualTo("failing");
        assertThat(page.locator("tr[data-domain='healthy.example'] .status").textContent()).isEqualTo("healthy");
        assertChartsDrew("canvas.spark", api.get("items").size());
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("overview.png")).setFullPage(true));
    }

    @Test
    void overviewSearchFindsOneDomain() {
        page.navigate(hub.url("/").toString());
        page.locator("input[name=q]").fill("expired");
        page.locator("form[role=search] button[type=submit]").click();
        page.waitForURL("**q=expired**");
        assertThat(page.locator("#overview-table tbody tr").count()).isEqualTo(1);
        assertThat(page.locator("#overview-table tbody tr").first().getAttribute("data-domain")).isEqualTo("expired-cert.example");
    }

    @Test
    void domainPageDrawsItsChartsAndAgreesWithTheApi() throws Exception {
        page.navigate(hub.url("/domains/failing.example?period=30d").toString());
        JsonNode api = api("/api/v1/domains/failing.example?period=30d");
        assertThat(page.locator("#kpi-sessions").textContent()).isEqualTo(count(api.at("/current/totalSessions").asLong()));
        assertThat(page.locator("#kpi-failed").textContent()).isEqualTo(count(api.at("/current/failedSessions").asLong()));
        assertThat(page.locator("#kpi-reports").textContent()).isEqualTo(count(api.at("/current/reports").asLong()));
        assertThat(page.locator("#domain-status").textContent()).isEqualTo("failing");
        assertChartsDrew("#chart-sessions, #chart-rate", 2);
        // the failure types carry the taxonomy's explanation and steps
        assertThat(page.locator(".failure-type").first().textContent()).contains("certificate-host-mismatch");
        assertThat(page.locator(".failure-type ol li").count()).isPositive();
        // both MTA-STS modes the senders cached in the period are visible
        assertThat(page.locator("#applied-policies").textContent()).contains("mode: enforce");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("domain-failing.png")).setFullPage(true));
        // the CSV links reach the API with the browser's session
        for (Locator link : page.locator("a.csv").all()) {
            var csv = page.request().get(hub.url(link.getAttribute("href")).toString());
            assertThat(csv.status()).as(link.getAttribute("href")).isEqualTo(200);
            assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        }

        page.navigate(hub.url("/domains/expired-cert.example?period=30d").toString());
        assertChartsDrew("#chart-sessions, #chart-rate", 2);
        assertThat(page.locator(".failure-type").first().textContent()).contains("certificate-expired");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("domain-expired-cert.png")).setFullPage(true));
    }

    @Test
    void aHostileReportIsShownAsTextAndRunsNoScript() throws Exception {
        JsonNode list = api("/api/v1/reports?domain=xss.example&period=30d");
        long id = list.at("/items/0/id").asLong();
        page.navigate(hub.url("/reports?domain=xss.example").toString());
        assertThat(page.locator("#reports-table").textContent()).contains(XSS_ORG);
        assertNoScriptRan();
        page.navigate(hub.url("/reports/" + id).toString());
        assertThat(page.locator("#report-summary").textContent()).contains(XSS_ORG);
        assertThat(page.locator("table.failures").textContent()).contains(XSS_REASON).contains(XSS_INFO);
        // the sender's link is text: no anchor points to it, no image was created from the reason code
        assertThat(page.locator("a[href*='evil.example']").count()).isZero();
        assertThat(page.locator("img").count()).isZero();
        assertThat(page.locator("#report-successful").textContent()).isEqualTo(count(list.at("/items/0/successfulSessions").asLong()));
        assertThat(page.locator("#report-failed").textContent()).isEqualTo(count(list.at("/items/0/failedSessions").asLong()));
        assertThat(page.locator("#report-json").textContent()).contains("\"organization-name\"");
        assertThat(page.locator("#report-plain").textContent()).contains("Reporter").contains(XSS_ORG).contains("Certificate expired");
        assertThat(page.locator("a[href='/reports/" + id + "/raw']").count()).isEqualTo(1);
        assertNoScriptRan();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("report-xss.png")).setFullPage(true));

        page.navigate(hub.url("/domains/xss.example").toString());
        assertThat(page.locator("#by-reporter").textContent()).contains(XSS_ORG);
        assertNoScriptRan();
    }

    @Test
    void quarantineListsTheBrokenInputAndShowsItsContentAsText() throws Exception {
        page.navigate(hub.url("/quarantine").toString());
        JsonNode api = api("/api/v1/quarantine");
        assertThat(page.locator("#quarantine-table tbody tr").count()).isEqualTo(api.get("items").size());
        page.locator("#quarantine-table tbody tr a").first().click();
        page.waitForURL("**/quarantine/*");
        assertThat(page.locator("#quarantine-raw").textContent()).contains("Truncated Mail Co");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("quarantine-item.png")).setFullPage(true));
        page.navigate(hub.url("/quarantine").toString());
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("quarantine.png")).setFullPage(true));
    }

    @Test
    void uploadExplainsAReportWithoutStoringIt() throws Exception {
        long before = api("/api/v1/reports?period=30d").get("matching").asLong();
        page.navigate(hub.url("/parse").toString());
        byte[] report = xssReport("upload-only-1");
        page.locator("input[type=file]").setInputFiles(new FilePayload("report.json", "application/json", report));
        page.locator("form[action='/parse'] button[type=submit]").click();
        page.waitForSelector("pre.explanation");
        assertThat(page.locator("pre.explanation").textContent()).contains("Reporter").contains(XSS_ORG).contains("Certificate");
        assertNoScriptRan();
        assertThat(page.locator("#parse-stored").count()).isZero();
        assertThat(api("/api/v1/reports?period=30d").get("matching").asLong()).isEqualTo(before);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("parse.png")).setFullPage(true));
    }

    @Test
    void pagesFitAPhoneScreen() {
        Page phone = browser.newPage();
        try {
            phone.setViewportSize(390, 844);
            phone.navigate(hub.url("/?period=30d").toString());
            // nothing but the tables' own scroll boxes may be wider than the screen
            Object overflow = phone.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow).isEqualTo(false);
            phone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("overview-phone.png")).setFullPage(true));
            phone.navigate(hub.url("/domains/expired-cert.example?period=30d").toString());
            assertThat(phone.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1")).isEqualTo(false);
            phone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("domain-phone.png")).setFullPage(true));
        } finally {
            phone.close();
        }
    }

    /** Every matching canvas was drawn by Chart.js and has non-transparent pixels. */
    private void assertChartsDrew(String selector, int expected) {
        page.waitForFunction("n => document.querySelectorAll('canvas[data-drawn=true]').length >= n",
                page.locator("canvas[data-chart]").count());
        Locator canvases = page.locator(selector);
        assertThat(canvases.count()).isEqualTo(expected);
        for (int i = 0; i < canvases.count(); i++) {
            Object painted = canvases.nth(i).evaluate("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++; return n; }");
            assertThat(((Number) painted).intValue()).as("painted pixels of canvas " + i + " of " + selector).isGreaterThan(20);
        }
    }

    private void assertNoScriptRan() {
        assertThat(page.evaluate("() => typeof window.__xss")).isEqualTo("undefined");
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = hub.browser.send(HttpRequest.newBuilder(hub.url(path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String count(long n) {
        return Format.count(n);
    }

    static byte[] xssReport() {
        return xssReport("xss-1");
    }

    static byte[] xssReport(String reportId) {
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String json = """
                {"organization-name": %s, "date-range": {"start-datetime": "%sT00:00:00Z", "end-datetime": "%sT23:59:59Z"},
                 "contact-info": "tlsrpt@evil.example", "report-id": "%s",
                 "policies": [{"policy": {"policy-type": "sts", "policy-string": ["version: STSv1", "mode: enforce", "mx: mx.xss.example"],
                     "policy-domain": "xss.example", "mx-host": ["mx.xss.example"]},
                   "summary": {"total-successful-session-count": 90, "total-failure-session-count": 10},
                   "failure-details": [{"result-type": "certificate-expired", "sending-mta-ip": "203.0.113.9",
                     "receiving-mx-hostname": "mx.xss.example", "failed-session-count": 10,
                     "additional-information": %s, "failure-reason-code": %s}]}]}
                """.formatted(quote(XSS_ORG), day, day, reportId, quote(XSS_INFO), quote(XSS_REASON));
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
