package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.checks.DaneState;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.DomainChecker;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.MtaStsState;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.checks.TlsRptState;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.testsupport.TwoOrgs;

/**
 * The live-check surfaces on a real hub with a checker that returns what a test says: the coverage
 * page, the domain page's panel with "check now" and the reports beside it, and the API, each
 * scoped to the organisation. Senders reported certificate-expired on mx.a.example and a policy in
 * mode enforce (TwoOrgs); the check now sees that host fine and a policy in mode testing.
 */
public class LiveCheckSurfacesTest {
    private WebHub web;
    private String analystToken;

    /** a.example as the probe sees it now: the reported host fine (12 days left), a policy other than the reported one. */
    public static final DomainChecker CHECKER = domain -> new DomainCheck(domain, TwoOrgs.NOW,
            List.of(new Finding("certificate-expires-soon", FindingSeverity.WARNING, "mx." + domain, "the certificate expires in 12 days",
                    "renew the certificate of mx." + domain)),
            new TlsRptState("_smtp._tls." + domain, "valid", List.of("v=TLSRPTv1; rua=mailto:r@hub.test"), List.of("mailto:r@hub.test"), true, null),
            new MtaStsState("valid", "v=STSv1; id=2", "2", "valid", "https://mta-sts." + domain + "/.well-known/mta-sts.txt", "testing",
                    86400L, List.of(domain), "version: STSv1\nmode: testing\nmx: " + domain + "\nmax_age: 86400\n"),
            List.of(new MxHost("mx." + domain, 10, List.of("192.0.2.10"), "offered", new MxHost.TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                    new MxHost.CertificateInfo("CN=mx." + domain, List.of("mx." + domain), "CN=Test CA", "2026-01-01T00:00:00Z",
                            "2026-03-04T00:00:00Z", 12, "EC", 256, true, true, "ab"), null)),
            new DaneState("inactive", "DANE inactive: not signed"));

    /** A hub on {@code dir} with TwoOrgs' data, a.example and b.example served, alice (viewer) and ana (analyst) in org-a. */
    public static WebHub hubWithChecks(Path dir) throws Exception {
        return hubWithChecks(dir, CHECKER);
    }

    static WebHub hubWithChecks(Path dir, DomainChecker checker) throws Exception {
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir));
        TwoOrgs.load(db);
        DomainStore served = new DomainStore(db, TwoOrgs.CLOCK);
        served.add(TwoOrgs.A_DOMAIN, Actor.cli());
        served.add(TwoOrgs.B_DOMAIN, Actor.cli());
        AccessService access = new AccessService(db, TwoOrgs.CLOCK);
        access.addUser("alice", "alice password 1".toCharArray(), false, TwoOrgs.A, Role.VIEWER);
        access.addUser("ana", "ana password 12".toCharArray(), false, TwoOrgs.A, Role.ANALYST);
        Hub hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0", "checks.schedule", "false")),
                db, TwoOrgs.CLOCK, s -> List.of(), checker).start();
        return new WebHub(db, hub);
    }

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        web = hubWithChecks(dir);
        analystToken = new AccessService(web.db, TwoOrgs.CLOCK).createToken("ana", "checks", TwoOrgs.A, null).secret();
    }

    @AfterEach
    void stop() {
        if (web != null) web.close();
    }

    private HttpResponse<String> api(String method, String path) throws Exception {
        return web.browser.send(HttpRequest.newBuilder(web.url(path)).header("Authorization", "Bearer " + analystToken)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{}" : ""))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnalystChecksNowAndTheDomainPageShowsTheLiveStateBesideTheReports() throws Exception {
        String csrf = web.signIn("ana", "ana password 12");
        String before = web.get("/domains/a.example").body();
        assertThat(before).contains("Live checks", "Not checked yet", "id=\"check-now\"");
        assertThat(before).contains("certificate-expired"); // the reports, before any live state

        HttpResponse<String> now = web.postForm("/domains/a.example/checks", Map.of("_csrf", csrf));
        assertThat(now.statusCode()).isEqualTo(302);
        assertThat(now.headers().firstValue("Location")).hasValue("/domains/a.example#live");
        String page = web.get("/domains/a.example").body();
        assertThat(page).contains("Checked 2026-02-20 12:00 UTC (now)", "<code>certificate-expires-soon</code>",
                "renew the certificate of mx.a.example");
        assertThat(page).containsPattern("mx\\.a\\.example</td>\\s*<td><code>certificate-expired</code> 5 \\(last 2026-02-10\\)<br></td>\\s*"
                + "<td>STARTTLS offered, certificate trusted, valid until 2026-03-04T00:00:00Z</td>\\s*"
                + "<td class=\"verdict\">fixed, reports catching up \\(fine since 2026-02-20 12:00 UTC\\)</td>");
        assertThat(page).containsPattern("mode: enforce.*</code></td><td>[^<]+</td>\\s*<td class=\"verdict\">stale policy</td>");
        assertThat(Sql.count(web.db, "SELECT COUNT(*) FROM audit_log WHERE action LIKE '%check%'")).isZero();

        assertThat(web.postForm("/domains/b.example/checks", Map.of("_csrf", csrf)).statusCode()).isEqualTo(404);
        assertThat(web.postForm("/domains/a.example/checks", Map.of()).statusCode()).isEqualTo(403); // no CSRF token
    }

    @Test
    void aViewerSeesTheCoverageOfTheOrganisationButCannotCheck() throws Exception {
        String csrf = web.signIn("alice", "alice password 1");
        String coverage = web.get("/coverage").body();
        assertThat(coverage).contains("a.example", "not checked yet", "not checked yet (1)").doesNotContain("b.example");
        assertThat(web.get("/domains/a.example").body()).contains("Live checks").doesNotContain("id=\"check-now\"");
        assertThat(web.postForm("/domains/a.example/checks", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);

        assertThat(api("POST", "/api/v1/domains/a.example/checks").statusCode()).isEqualTo(201);
        String soon = web.get("/coverage?filter=certificate-soon").body();
        assertThat(soon).contains("data-domain=\"a.example\"", "certificate &lt; 21 days (1)").containsPattern("<td class=\"num\">12</td>");
        assertThat(web.get("/coverage?filter=missing-tlsrpt").body()).contains("No domain matches.");
        assertThat(web.get("/coverage?filter=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void theApiChecksNowAndAnswersHistoryAndCoverageForTheOrganisationOnly() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> posted = api("POST", "/api/v1/domains/a.example/checks");
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(json.readTree(posted.body()).at("/check/domain").asText()).isEqualTo("a.example");
        assertThat(json.readTree(posted.body()).at("/source").asText()).isEqualTo("now");

        JsonNode history = json.readTree(api("GET", "/api/v1/domains/a.example/checks").body());
        assertThat(history.at("/latest/check/findings/0/id").asText()).isEqualTo("certificate-expires-soon");
        assertThat(history.at("/history")).hasSize(1);
        assertThat(history.at("/events/0/kind").asText()).isEqualTo("finding-appeared");

        JsonNode coverage = json.readTree(api("GET", "/api/v1/coverage?filter=certificate-soon").body());
        assertThat(coverage.at("/items/0/domain").asText()).isEqualTo("a.example");
        assertThat(coverage.at("/items/0/min_days_to_expiry").asInt()).isEqualTo(12);
        assertThat(coverage.at("/counts/all").asInt()).isEqualTo(1);
        HttpResponse<String> csv = api("GET", "/api/v1/coverage.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("domain,checked_at,errors,warnings,tlsrpt,").contains("\r\na.example,2026-02-20T12:00:00Z,0,1,valid,true,");

        assertThat(api("GET", "/api/v1/domains/b.example/checks").statusCode()).isEqualTo(404);
        assertThat(api("POST", "/api/v1/domains/b.example/checks").statusCode()).isEqualTo(404);
        assertThat(api("GET", "/api/v1/domains/nowhere.example/checks").statusCode()).isEqualTo(404);
        assertThat(api("GET", "/api/v1/coverage?filter=nonsense").body()).contains("unknown coverage filter 'nonsense'");
        assertThat(api("GET", "/api/v1/domains/a.example/checks?limit=0").statusCode()).isEqualTo(400);
    }

    /** a.example with no TLS-RPT and no MTA-STS record: the coverage page and its CSV give the records to publish. */
    private static final DomainChecker UNPUBLISHED = domain -> new DomainCheck(domain, TwoOrgs.NOW,
            List.of(new Finding("tlsrpt-record-missing", FindingSeverity.ERROR, "_smtp._tls." + domain + " TXT", "no record", "publish it"),
                    new Finding("mta-sts-record-missing", FindingSeverity.WARNING, "_mta-sts." + domain + " TXT", "no record", "publish it")),
            new TlsRptState("_smtp._tls." + domain, "missing", List.of(), List.of(), false,
                    "_smtp._tls." + domain + ". IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@hub.test\""),
            new MtaStsState("missing", null, null, "not-fetched", null, null, null, null, null),
            List.of(new MxHost("mx." + domain, 10, List.of("192.0.2.10"), "offered", new MxHost.TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                    new MxHost.CertificateInfo("CN=mx." + domain, List.of("mx." + domain), "CN=Test CA", "2026-01-01T00:00:00Z",
                            "2026-06-01T00:00:00Z", 100, "EC", 256, true, true, "ab"), null)),
            new DaneState("inactive", "DANE inactive: not signed"));

    @Test
    void theCoveragePageAndItsCsvGiveTheExactRecordsToPublish(@TempDir Path other) throws Exception {
        try (WebHub unpublished = hubWithChecks(other, UNPUBLISHED)) {
            String token = new AccessService(unpublished.db, TwoOrgs.CLOCK).createToken("ana", "checks", TwoOrgs.A, null).secret();
            HttpResponse<String> posted = unpublished.browser.send(HttpRequest.newBuilder(unpublished.url("/api/v1/domains/a.example/checks"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(201);
            unpublished.signIn("alice", "alice password 1");
            String page = unpublished.get("/coverage?filter=missing-tlsrpt").body();
            assertThat(page).contains("data-domain=\"a.example\"", "missing TLS-RPT (1)", "missing MTA-STS (1)", "with errors (1)",
                    "publish: <code class=\"publish\">_smtp._tls.a.example. IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@hub.test\"</code>",
                    "publish, once the policy is served at https://mta-sts.a.example/.well-known/mta-sts.txt:"
                            + " <code class=\"publish\">_mta-sts.a.example. IN TXT \"v=STSv1; id=2026022001\"</code>",
                    "href=\"/api/v1/coverage.csv?filter=missing-tlsrpt\"");
            assertThat(unpublished.get("/coverage?filter=missing-mta-sts").body()).contains("data-domain=\"a.example\"");
            assertThat(unpublished.get("/coverage?filter=no-starttls").body()).contains("No domain matches.");

            HttpResponse<String> csv = unpublished.browser.send(HttpRequest.newBuilder(unpublished.url("/api/v1/coverage.csv?filter=missing-tlsrpt"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(csv.body()).contains("\r\na.example,2026-02-20T12:00:00Z,1,1,missing,false,"
                    + "\"_smtp._tls.a.example. IN TXT \"\"v=TLSRPTv1; rua=mailto:tlsrpt@hub.test\"\"\",missing,"
                    + "\"_mta-sts.a.example. IN TXT \"\"v=STSv1; id=2026022001\"\"\",");
        }
    }
}
