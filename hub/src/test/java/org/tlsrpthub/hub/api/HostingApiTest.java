package org.tlsrpthub.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/**
 * The hosting routes on a real hub over loopback, on the readiness scenario's clock (the domain is
 * ready then): host, promote, roll back, bad input with nothing changed, a viewer, and another
 * organisation's admin, for whom the domain does not exist.
 */
class HostingApiTest {
    private static final String D = ReadinessScenario.DOMAIN;
    private static final String BASE = "/api/v1/domains/" + D + "/mta-sts";

    @TempDir Path dir;
    Database db;
    Hub hub;
    final HttpClient client = HttpClient.newHttpClient();
    String admin, viewer, outsider;

    @BeforeEach
    void start() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        ReadinessScenario.readyWithStaleReporter(db);
        new OrgService(db, Clock.systemUTC()).create(Scope.wholeHub(), "other", "Other");
        Sql.update(db, "DELETE FROM domain_org WHERE domain = ?", D);
        Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES (?, 'default', 0)", D);
        AccessService access = new AccessService(db, Clock.systemUTC());
        access.addUser("ann", "ann's password".toCharArray(), false, OrgService.DEFAULT_ORG, Role.ADMIN);
        access.addUser("vic", "vic's password".toCharArray(), false, OrgService.DEFAULT_ORG, Role.VIEWER);
        access.addUser("oscar", "oscar's password".toCharArray(), false, "other", Role.ADMIN);
        admin = "Bearer " + access.createToken("ann", "api").secret();
        viewer = "Bearer " + access.createToken("vic", "api").secret();
        outsider = "Bearer " + access.createToken("oscar", "api", "other", Role.ADMIN).secret();
        Clock scenarioTime = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), ReadinessScenario.NOW));
        hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0")),
                db, scenarioTime, s -> List.of(), WebHub.OFFLINE).start();
    }

    @AfterEach
    void stop() {
        if (hub != null) hub.close();
        db.close();
    }

    private HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.http().baseUrl().resolve(path).toString())).header("Authorization", token);
        b = body == null ? b.GET() : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Json.MAPPER.readTree(r.body());
    }

    private long versions() throws Exception {
        return Sql.count(db, "SELECT COUNT(*) FROM hosted_policy_version");
    }

    @Test
    void anAdminHostsPromotesAndRollsBack() throws Exception {
        JsonNode hosted = ok(call(admin, "POST", BASE, "{\"mode\":\"testing\",\"mx\":[\"mx1." + D + "\",\"mx2." + D + "\"],\"max_age\":604800,"
                + "\"reason\":\"start\"}"), 201);
        assertThat(hosted.get("current").get("action").asText()).isEqualTo("create");
        assertThat(hosted.get("txt_record").asText()).isEqualTo("v=STSv1; id=" + hosted.get("current").get("id").asText() + ";");
        assertThat(hosted.get("warnings").get(0).asText()).contains("No live check");
        JsonNode promoted = ok(call(admin, "POST", BASE + "/promote", "{}"), 201);
        assertThat(promoted.get("current").get("mode").asText()).isEqualTo("enforce");
        assertThat(promoted.get("current").get("verdict").asText()).isEqualTo("ready");
        JsonNode back = ok(call(admin, "POST", BASE + "/rollback", "{\"to\":\"testing\",\"reason\":\"a sender fails\"}"), 201);
        assertThat(back.get("current").get("mode").asText()).isEqualTo("testing");
        JsonNode status = ok(call(viewer, "GET", BASE, null), 200);
        assertThat(status.get("history")).hasSize(3);
        assertThat(status.get("history").get(2).get("reason").asText()).isEqualTo("start");
        // a token acts under its own id, as in the audit log
        assertThat(Sql.strings(db, "SELECT action FROM audit_log WHERE target = ? AND actor = ? ORDER BY id", D, status.get("history").get(0).get("actor").asText()))
                .containsExactly("policy-hosted", "policy-promoted", "policy-rolled-back");
    }

    @Test
    void badInputIsAProblemNamingTheValueAndNothingChanges() throws Exception {
        for (String[] bad : new String[][] {
                {"{\"mode\":\"testing\",\"mx\":[\"mx..bad\"],\"max_age\":604800}", "invalid mx pattern: 'mx..bad' is not a host name"},
                {"{\"mode\":\"testing\",\"mx\":[\"mx1." + D + "\"],\"max_age\":99999999}", "max_age 99999999 is out of range"},
                {"{\"mode\":\"none\",\"mx\":[\"mx1." + D + "\"],\"max_age\":86400}", "mode none takes no mx patterns"},
                {"{\"mode\":\"testing\",\"mx\":\"mx1." + D + "\",\"max_age\":86400}", "\\\"mx\\\" must be an array of strings"},
                {"{\"mode\":\"testing\",\"mx\":[\"mx1." + D + "\"],\"max_age\":\"a week\"}", "\\\"max_age\\\" must be a whole number of seconds"},
                {"not json", "the body is not a JSON object"}}) {
            HttpResponse<String> r = call(admin, "POST", BASE, bad[0]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains(bad[1]);
        }
        HttpResponse<String> unknown = call(admin, "POST", "/api/v1/domains/nowhere.example/mta-sts",
                "{\"mode\":\"testing\",\"mx\":[\"mx1.nowhere.example\"],\"max_age\":604800}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no domain nowhere.example");
        assertThat(versions()).isZero();
    }

    @Test
    void aViewerMayOnlyReadAndAnotherOrganisationSeesNoSuchDomain() throws Exception {
        assertThat(call(viewer, "POST", BASE, "{\"mode\":\"testing\",\"mx\":[\"mx1." + D + "\"],\"max_age\":604800}").statusCode()).isEqualTo(403);
        assertThat(ok(call(viewer, "GET", BASE, null), 200).get("hosted").asBoolean()).isFalse();
        HttpResponse<String> foreign = call(outsider, "GET", BASE, null);
        HttpResponse<String> unknown = call(outsider, "GET", "/api/v1/domains/nowhere.example/mta-sts", null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreign.body().replace(D, "X").replaceAll("\"instance\":\"[^\"]*\"", "").replaceAll("\"requestId\":\"[^\"]*\"", ""))
                .isEqualTo(unknown.body().replace("nowhere.example", "X").replaceAll("\"instance\":\"[^\"]*\"", "").replaceAll("\"requestId\":\"[^\"]*\"", ""));
        for (String path : List.of(BASE, BASE + "/promote", BASE + "/rollback", BASE + "/import")) {
            assertThat(call(outsider, "POST", path, "{\"mode\":\"testing\",\"mx\":[\"mx1." + D + "\"],\"max_age\":604800,\"to\":\"none\",\"reason\":\"x\"}")
                    .statusCode()).as(path).isEqualTo(404);
        }
        assertThat(ok(call(admin, "POST", BASE + "/import", "{}"), 409).get("detail").asText()).contains("could not import the MTA-STS policy of " + D);
        assertThat(versions()).isZero();
    }
}
