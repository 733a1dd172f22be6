package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The readiness panel of the domain page, the overview's MTA-STS column and the two API routes, on a real hub. */
class ReadinessPagesTest {
    private WebHub web;
    private String bearer;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir));
        ReadinessScenario.readyWithStaleReporter(db);
        Clock clock = Clock.fixed(ReadinessScenario.NOW, ZoneOffset.UTC);
        AccessService access = new AccessService(db, clock);
        access.addUser("root", "root password 1".toCharArray(), true);
        bearer = "Bearer " + access.createToken("root", "readiness tests").secret();
        web = new WebHub(db, new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0",
                "readiness.min-days", "10")), db, clock, s -> List.of()).start());
    }

    @AfterEach
    void stop() {
        if (web != null) web.close();
    }

    private HttpResponse<String> api(String path) throws Exception {
        return web.browser.send(HttpRequest.newBuilder(web.url(path)).header("Authorization", bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiAnswersTheVerdictAndTheStaleReporters() throws Exception {
        HttpResponse<String> r = api("/api/v1/domains/ready.example/readiness");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = Json.MAPPER.readTree(r.body());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("domain", "verdict", "reasons", "would_break", "window", "policy");
        assertThat(json.get("verdict").asText()).isEqualTo("ready");
        // eleven days by then: enough under readiness.min-days 10 (not under the default 14), so the settings reach the service
        JsonNode eleven = Json.MAPPER.readTree(api("/api/v1/domains/ready.example/readiness?at=2026-05-23T00:00:00Z").body());
        assertThat(eleven.get("window").get("days_observed").asInt()).isEqualTo(11);
        assertThat(eleven.get("verdict").asText()).isEqualTo("ready");

        JsonNode past = Json.MAPPER.readTree(api("/api/v1/domains/ready.example/readiness?at=2026-05-20").body());
        assertThat(past.get("verdict").asText()).isEqualTo("insufficient-data"); // eight days by then

        JsonNode stale = Json.MAPPER.readTree(api("/api/v1/domains/ready.example/stale-policy").body());
        assertThat(stale.get("reporters").get(0).get("reporter").asText()).isEqualTo("late.example");
        assertThat(stale.get("changed_on").asText()).isEqualTo("2026-05-12");
    }

    @Test
    void badInputAndUnknownDomainsGetProblems() throws Exception {
        HttpResponse<String> bad = api("/api/v1/domains/ready.example/readiness?at=soon");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("at", "'soon' is neither a UTC day");
        assertThat(api("/api/v1/domains/nobody.example/readiness").statusCode()).isEqualTo(404);
        assertThat(api("/api/v1/domains/nobody.example/stale-policy").statusCode()).isEqualTo(404);
    }

    @Test
    void theDomainPageShowsThePanelAndTheOverviewTheColumn() throws Exception {
        web.signIn("root", "root password 1");
        String page = web.get("/domains/ready.example").body();
        assertThat(page).contains("MTA-STS readiness", "id=\"readiness-verdict\">ready</b>", "id=\"would-break\"", "small-isp.example",
                "starttls-not-supported", "id=\"stale-reporters\"", "late.example", "old-mx.ready.example", "(past max_age)");
        String overview = web.get("/").body();
        assertThat(overview).contains("<th title=\"MTA-STS mode, and the readiness verdict for domains in testing\">MTA-STS</th>",
                "<td data-field=\"mta-sts\">testing: ready</td>");
    }
}
