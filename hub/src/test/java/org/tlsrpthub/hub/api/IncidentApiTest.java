package org.tlsrpthub.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.alerts.Scenario.AT;
import static org.tlsrpthub.hub.alerts.Scenario.failure;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.alerts.Scenario;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.NewToken;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.DataClock;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/**
 * Incidents as a running hub shows them (issue 12 §3, §5): the hub's own scheduled evaluation, or
 * the one after an ingest commit, opens them, then the API lists, filters, reads, acknowledges and snoozes them,
 * {@code /metrics} counts the open ones, and the incidents page snoozes one from its list.
 */
class IncidentApiTest {
    static final String USER = "ana";
    static final String PASSWORD = "an analyst's password";

    @TempDir Path dir;
    WebHub web;

    @AfterEach
    void stop() {
        if (web != null) web.close();
    }

    @Test
    void theScheduledEvaluationOpensIncidentsThatTheApiMetricsAndPageActOn() throws Exception {
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("db")));
        new Scenario(db).daily("a.test", "good.test", -17, -3, 1000)
                .daily("a.test", "good.test", -3, 0, 800, failure("starttls-not-supported", "mx1.a.test", 200))
                .daily("b.test", "r.test", -30, 0, 970, failure("validation-failure", "mx1.b.test", 30)).store();
        Clock clock = DataClock.runningFrom(AT);
        web = new WebHub(db, clock);
        // nobody calls the alert service here: serve's alerts-evaluate job does, once at start
        Await.until(() -> Sql.count(db, "SELECT COUNT(*) FROM job_run WHERE task = 'alerts-evaluate' AND outcome = 'ok'") > 0);
        AccessService access = new AccessService(db, Clock.systemUTC());
        access.addUser(USER, PASSWORD.toCharArray(), false, OrgService.DEFAULT_ORG, Role.ANALYST);
        NewToken token = access.createToken(USER, "incidents");
        String bearer = "Bearer " + token.secret();

        JsonNode all = json(bearer, "/api/v1/incidents");
        assertThat(all.path("items").findValuesAsText("rule")).contains("sender-failing", "failure-rate");
        JsonNode critical = json(bearer, "/api/v1/incidents?severity=critical&rule=sender-failing&domain=a.test");
        assertThat(critical.path("matching").asLong()).isEqualTo(1);
        JsonNode item = critical.path("items").get(0);
        assertThat(item.path("subject").asText()).isEqualTo("good.test");
        assertThat(item.path("state").asText()).isEqualTo("open");
        long id = item.path("id").asLong();
        assertThat(json(bearer, "/api/v1/incidents?domain=b.test").path("items").findValuesAsText("domain")).containsOnly("b.test");
        assertThat(send(bearer, "GET", "/api/v1/incidents?severity=loud", null).statusCode()).isEqualTo(400);

        JsonNode one = json(bearer, "/api/v1/incidents/" + id);
        assertThat(one.path("incident").path("evidence").path("report_ids")).hasSize(3);
        assertThat(one.path("history").findValuesAsText("kind")).containsExactly("opened");
        assertThat(send(bearer, "GET", "/api/v1/incidents/999999", null).statusCode()).isEqualTo(404);

        assertThat(metrics(bearer)).contains("tlsrpt_incidents_open{rule=\"sender-failing\",severity=\"critical\"} 1.0");

        HttpResponse<String> ack = send(bearer, "POST", "/api/v1/incidents/" + id + "/ack", "");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        // a token acts under its own public id, so that a leaked token's doings can be told apart
        assertThat(Json.MAPPER.readTree(ack.body()).path("acknowledgedBy").asText()).isEqualTo(token.id());

        Instant until = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> snooze = send(bearer, "POST", "/api/v1/incidents/" + id + "/snooze", "{\"until\": \"" + until + "\"}");
        assertThat(snooze.statusCode()).as(snooze.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(snooze.body()).path("snoozedUntil").asText()).isEqualTo(until.toString());
        HttpResponse<String> bad = send(bearer, "POST", "/api/v1/incidents/" + id + "/snooze", "{\"until\": \"tomorrow\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not an instant");
        assertThat(json(bearer, "/api/v1/incidents/" + id).path("history").findValuesAsText("kind"))
                .containsExactly("opened", "acknowledged", "snoozed");

        // the list page snoozes another open incident from its own row
        String csrf = web.signIn(USER, PASSWORD);
        long other = Sql.count(db, "SELECT id FROM incident WHERE domain = 'b.test' AND rule = 'failure-rate'");
        String page = web.get("/incidents").body();
        assertThat(page).contains("action=\"/incidents/" + other + "/snooze\"");
        String field = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
        HttpResponse<String> posted = web.postForm("/incidents/" + other + "/snooze", Map.of("_csrf", csrf, "until", field));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(java.net.URLDecoder.decode(posted.headers().firstValue("Location").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith("Snoozed until " + field.replace('T', ' ') + " UTC.");
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM incident WHERE id = ? AND snoozed_by = ?", other, USER)).isEqualTo(1);
        assertThat(web.postForm("/incidents/" + other + "/snooze", Map.of("until", field)).statusCode()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void reportsPostedToServeAreEvaluatedAfterTheirCommitNotAtTheNextSchedule() throws Exception {
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("db")));
        web = new WebHub(db, new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0",
                "alerts.ingest-debounce-seconds", "1")), db, DataClock.runningFrom(AT), s -> List.of(), WebHub.OFFLINE).start());
        Await.until(() -> Sql.count(db, "SELECT COUNT(*) FROM job_run WHERE task = 'alerts-evaluate'") == 1); // at start, on no data
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM incident")).isZero();

        for (int day = 1; day <= 3; day++) { // the last three complete days, 10 % failed: failure-rate is critical
            HttpResponse<String> r = web.browser.send(HttpRequest.newBuilder(web.hub.http().reportUrl())
                    .header("Content-Type", "application/tlsrpt+json")
                    .POST(HttpRequest.BodyPublishers.ofString(report(Scenario.TODAY.minusDays(day)))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        Await.until(() -> Sql.count(db, "SELECT COUNT(*) FROM incident WHERE domain = 'posted.test' AND rule = 'failure-rate'") == 1);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM incident WHERE severity = 'critical'")).isEqualTo(1);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM job_run WHERE task = 'alerts-evaluate'")).as("not the schedule's doing").isEqualTo(1);
    }

    private static String report(java.time.LocalDate day) {
        return """
                {"organization-name":"Sender","date-range":{"start-datetime":"%sT00:00:00Z","end-datetime":"%sT23:59:59Z"},\
                "contact-info":"tlsrpt@sender.test","report-id":"posted-%s","policies":[{"policy":{"policy-type":"no-policy-found",\
                "policy-domain":"posted.test"},"summary":{"total-successful-session-count":900,"total-failure-session-count":100},\
                "failure-details":[{"result-type":"starttls-not-supported","receiving-mx-hostname":"mx1.posted.test",\
                "failed-session-count":100}]}]}""".formatted(day, day, day);
    }

    private JsonNode json(String bearer, String path) throws Exception {
        HttpResponse<String> r = send(bearer, "GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private String metrics(String bearer) throws Exception {
        HttpResponse<String> r = send(bearer, "GET", "/metrics", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> send(String bearer, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(web.url(path)).header("Authorization", bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        return web.browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
