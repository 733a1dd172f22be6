package org.tlsrpthub.hub.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.testsupport.TwoOrgs.A_DOMAIN;
import static org.tlsrpthub.hub.testsupport.TwoOrgs.B_DOMAIN;
import static org.tlsrpthub.hub.testsupport.TwoOrgs.LOOSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.testsupport.TwoOrgs;

/**
 * Organisation A sees nothing of organisation B over HTTP, as a real hub answers its users: not in
 * lists, search, CSV, metrics or raw downloads, and not by guessing report ids, domain names or
 * quarantine ids. alice is in org-a, bob in org-b, root is the hub admin (who sees everything, so
 * that the data the others must not see is there to be seen).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrgLeakTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private Database db;
    private Hub hub;
    private TwoOrgs.Ids ids;
    private String alice, bob, root;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        ids = TwoOrgs.load(db);
        hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0")),
                db, TwoOrgs.CLOCK, s -> List.of()).start();
        AccessService access = new AccessService(db, TwoOrgs.CLOCK);
        access.addUser("alice", "alice password".toCharArray(), false, TwoOrgs.A, Role.VIEWER);
        access.addUser("bob", "bob password".toCharArray(), false, TwoOrgs.B, Role.ANALYST);
        access.addUser("root", "root password".toCharArray(), true);
        // a token acts in its own organisation
        alice = access.createToken("alice", "leak test", TwoOrgs.A, null).secret();
        bob = access.createToken("bob", "leak test", TwoOrgs.B, null).secret();
        root = access.createToken("root", "leak test").secret();
        // one input through the hub itself, so that the hub-wide ingest counters have a series
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(hub.http().baseUrl().resolve("/tlsrpt"))
                .header("Content-Type", "application/tlsrpt+json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(400);
    }

    @AfterAll
    void stop() {
        if (hub != null) hub.close();
        if (db != null) db.close();
    }

    private HttpResponse<String> send(String token, String method, String path) throws Exception {
        URI uri = hub.http().baseUrl().resolve(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
        b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Answers 200 and shows nothing of B's or the unassigned domain; returns the body. */
    private String seen(String token, String path) throws Exception {
        HttpResponse<String> r = send(token, "GET", path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.body()).as(path).doesNotContain(TwoOrgs.FOREIGN);
        return r.body();
    }

    private void notFound(String token, String method, String path) throws Exception {
        HttpResponse<String> r = send(token, method, path);
        assertThat(r.statusCode()).as(method + " " + path).isEqualTo(404);
        assertThat(r.body()).as(path).doesNotContain("b-secret");
    }

    @Test
    void listsSearchAndCsvShowOnlyTheOrganisationsDomains() throws Exception {
        assertThat(seen(alice, "/api/v1/overview")).contains(A_DOMAIN);
        assertThat(JSON.readTree(seen(alice, "/api/v1/overview")).get("matching").asInt()).isEqualTo(1);
        assertThat(seen(alice, "/api/v1/overview?format=csv")).contains(A_DOMAIN);
        assertThat(JSON.readTree(seen(alice, "/api/v1/overview?q=b.")).get("matching").asInt()).isZero();
        for (String sub : List.of("", "/daily", "/daily?format=csv", "/breakdowns/reporters", "/breakdowns/failure-types.csv",
                "/breakdowns/receiving-mx", "/breakdowns/sending-ips.csv", "/breakdowns/policy-types")) {
            seen(alice, "/api/v1/domains/" + A_DOMAIN + sub);
        }
        JsonNode reports = JSON.readTree(seen(alice, "/api/v1/reports"));
        assertThat(reports.get("matching").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(seen(alice, "/api/v1/reports?domain=" + B_DOMAIN)).get("matching").asInt()).isZero();
        assertThat(JSON.readTree(seen(alice, "/api/v1/reports?domain=" + LOOSE)).get("matching").asInt()).isZero();
        seen(alice, "/api/v1/reports?sender=sender&has-failures=true");
        assertThat(seen(alice, "/api/v1/failure-details?format=csv")).contains("a-info");
        assertThat(seen(alice, "/api/v1/failure-details?format=csv&domain=" + B_DOMAIN).lines().count()).isEqualTo(1);
        assertThat(seen(alice, "/api/v1/quarantine")).contains("\"id\":" + ids.conflictA());
        // the pages say the same
        assertThat(seen(alice, "/")).contains(A_DOMAIN);
        seen(alice, "/?q=b.");
        seen(alice, "/domains/" + A_DOMAIN);
        seen(alice, "/reports");
        // the search form repeats what was typed, and finds nothing
        HttpResponse<String> search = send(alice, "GET", "/reports?domain=" + B_DOMAIN);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).doesNotContain("b-secret", LOOSE, "href=\"/reports/");
        assertThat(seen(alice, "/reports")).contains("href=\"/reports/" + ids.both() + "\"");
        seen(alice, "/quarantine");

        // the hub admin sees it all: the data the others must not see is there
        assertThat(send(root, "GET", "/api/v1/overview").body()).contains(A_DOMAIN, B_DOMAIN, LOOSE);
        assertThat(send(root, "GET", "/api/v1/failure-details?format=csv").body()).contains("b-secret-info");
        assertThat(send(bob, "GET", "/api/v1/overview").body()).contains(B_DOMAIN).doesNotContain(A_DOMAIN, LOOSE);
    }

    @Test
    void anotherOrganisationsDomainIsAnsweredLikeAnUnknownOne() throws Exception {
        HttpResponse<String> unknown = send(alice, "GET", "/api/v1/domains/unknown.example");
        assertThat(unknown.statusCode()).isEqualTo(404);
        for (String domain : List.of(B_DOMAIN, LOOSE, "B.EXAMPLE")) {
            for (String sub : List.of("", "/daily", "/daily?format=csv", "/breakdowns/reporters", "/breakdowns/sending-ips.csv")) {
                notFound(alice, "GET", "/api/v1/domains/" + domain + sub);
            }
            HttpResponse<String> r = send(alice, "GET", "/api/v1/domains/" + domain);
            JsonNode got = JSON.readTree(r.body()), expected = JSON.readTree(unknown.body());
            assertThat(got.get("type")).isEqualTo(expected.get("type"));
            assertThat(got.get("title")).isEqualTo(expected.get("title"));
            assertThat(got.get("detail").asText()).isEqualTo(expected.get("detail").asText().replace("unknown.example", domain.toLowerCase(java.util.Locale.ROOT)));
            notFound(alice, "GET", "/domains/" + domain);
        }
        assertThat(send(root, "GET", "/api/v1/domains/" + B_DOMAIN).statusCode()).isEqualTo(200);
        assertThat(send(bob, "GET", "/api/v1/domains/" + B_DOMAIN).statusCode()).isEqualTo(200);
        notFound(bob, "GET", "/api/v1/domains/" + A_DOMAIN);
    }

    @Test
    void reportsOfOthersAreNotFoundAndASharedReportShowsOnlyOwnPolicies() throws Exception {
        for (long id : List.of(ids.bOnly(), ids.loose(), 999_999L)) {
            notFound(alice, "GET", "/api/v1/reports/" + id);
            notFound(alice, "GET", "/api/v1/reports/" + id + "/raw");
            notFound(alice, "GET", "/reports/" + id);
            notFound(alice, "GET", "/reports/" + id + "/raw");
        }
        JsonNode shared = JSON.readTree(seen(alice, "/api/v1/reports/" + ids.both()));
        assertThat(shared.get("policies")).hasSize(1);
        assertThat(shared.get("failedSessions").asLong()).isZero();
        seen(alice, "/reports/" + ids.both());
        // its original bytes hold B's policy
        notFound(alice, "GET", "/api/v1/reports/" + ids.both() + "/raw");
        notFound(alice, "GET", "/reports/" + ids.both() + "/raw");
        notFound(bob, "GET", "/api/v1/reports/" + ids.both() + "/raw");
        assertThat(seen(alice, "/api/v1/reports/" + ids.aOnly() + "/raw")).contains("a-only");
        seen(alice, "/reports/" + ids.aOnly());
        assertThat(send(root, "GET", "/api/v1/reports/" + ids.both() + "/raw").body()).contains(B_DOMAIN);
    }

    @Test
    void guessingIdsFindsNothingOfTheOthers() throws Exception {
        long maxReport = Sql.count(db, "SELECT MAX(id) FROM report");
        List<Long> found = new ArrayList<>();
        for (long id = Sql.count(db, "SELECT MIN(id) FROM report") - 3; id <= maxReport + 3; id++) {
            HttpResponse<String> r = send(alice, "GET", "/api/v1/reports/" + id);
            assertThat(r.statusCode()).as("report " + id).isIn(200, 404);
            assertThat(r.body()).as("report " + id).doesNotContain(TwoOrgs.FOREIGN);
            if (r.statusCode() == 200) found.add(id);
        }
        assertThat(found).containsExactlyInAnyOrder(ids.aOnly(), ids.both());
        long maxInput = Sql.count(db, "SELECT MAX(id) FROM raw_input");
        List<Long> inputs = new ArrayList<>();
        for (long id = Sql.count(db, "SELECT MIN(id) FROM raw_input") - 3; id <= maxInput + 3; id++) {
            for (String path : List.of("/api/v1/quarantine/" + id, "/api/v1/quarantine/" + id + "/raw", "/quarantine/" + id)) {
                HttpResponse<String> r = send(alice, "GET", path);
                assertThat(r.statusCode()).as(path).isIn(200, 404);
                assertThat(r.body()).as(path).doesNotContain(TwoOrgs.FOREIGN);
                if (r.statusCode() == 200 && path.startsWith("/api") && !path.endsWith("raw")) inputs.add(id);
            }
        }
        assertThat(inputs).containsExactly(ids.conflictA());
        for (long id : List.of(ids.conflictBoth(), ids.broken())) {
            // a viewer may not reprocess at all: refused before the id is looked at, so it tells nothing
            assertThat(send(alice, "POST", "/api/v1/quarantine/" + id + "/reprocess").statusCode()).isEqualTo(403);
            assertThat(send(alice, "POST", "/quarantine/" + id + "/reprocess").statusCode()).isEqualTo(403);
            notFound(bob, "POST", "/api/v1/quarantine/" + id + "/reprocess");
            notFound(bob, "GET", "/api/v1/quarantine/" + id);
        }
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM quarantine WHERE raw_input_id IN (?, ?)", ids.conflictBoth(), ids.broken()))
                .isEqualTo(2);
        assertThat(send(root, "GET", "/api/v1/quarantine/" + ids.broken()).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCarryOnlyTheOrganisationsDomainSeries() throws Exception {
        String a = seen(alice, "/metrics");
        assertThat(a).contains("domain=\"" + A_DOMAIN + "\"").doesNotContain("tlsrpthub_ingest_inputs_total", "(other)");
        String b = send(bob, "GET", "/metrics").body();
        assertThat(b).contains("domain=\"" + B_DOMAIN + "\"").doesNotContain(A_DOMAIN, LOOSE);
        String all = send(root, "GET", "/metrics").body();
        assertThat(all).contains("domain=\"" + A_DOMAIN + "\"", "domain=\"" + B_DOMAIN + "\"", "domain=\"" + LOOSE + "\"",
                "tlsrpthub_ingest_inputs_total");
    }
}
