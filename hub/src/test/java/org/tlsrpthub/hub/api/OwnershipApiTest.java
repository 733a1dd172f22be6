package org.tlsrpthub.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.OwnershipTestData;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The ownership routes over real HTTP with real tokens: a hub admin's and an analyst's. */
class OwnershipApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private Database db;
    private Hub hub;
    private String root;
    private String analyst;

    record Answer(int status, JsonNode body) {}

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        new AssignmentService(db, Clock.systemUTC()).removeRule(OwnershipTestData.hubAdmin(), "*");
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        OwnershipTestData.report(ingest, "a.shop.test", "b.shop.test", "lost.test");
        OwnershipTestData.report(ingest, "lost.test");
        AccessService access = new AccessService(db, Clock.systemUTC());
        access.addUser("root", "root password 1".toCharArray(), true);
        access.addUser("val", "val password 1".toCharArray(), false);
        root = access.createToken("root", "t").secret();
        analyst = access.createToken("val", "t").secret();
        hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0")),
                db, Clock.systemUTC(), s -> List.of()).start();
    }

    @AfterEach
    void stop() {
        client.close(); // its idle connections would hold up the hub's graceful stop
        if (hub != null) hub.close();
        if (db != null) db.close();
    }

    private Answer call(String token, String method, String path, String body) throws Exception {
        URI uri = hub.http().baseUrl().resolve(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }

    @Test
    void aHubAdminAssignsFromTheUnassignedListAndNamesOwnersThatTheOverviewFilters() throws Exception {
        Answer waiting = call(root, "GET", "/api/v1/unassigned-domains", null);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body().findValuesAsText("domain")).containsExactly("a.shop.test", "b.shop.test", "lost.test");
        assertThat(waiting.body().get(2).get("reports").asLong()).isEqualTo(2);

        Answer rule = call(root, "POST", "/api/v1/assignment-rules", "{\"pattern\":\"*.Shop.test\",\"org\":\"default\",\"apply\":true}");
        assertThat(rule.status()).isEqualTo(201);
        assertThat(rule.body().get("assigned").asInt()).isEqualTo(2);
        assertThat(call(root, "PUT", "/api/v1/domains/lost.test/organisation", "{\"org\":\"default\"}").body().get("previous_org").isNull()).isTrue();
        assertThat(call(root, "GET", "/api/v1/unassigned-domains", null).body()).isEmpty();

        assertThat(call(root, "POST", "/api/v1/domains/a.shop.test/owners", "{\"kind\":\"user\",\"name\":\"root\"}").status()).isEqualTo(201);
        assertThat(call(root, "POST", "/api/v1/domains/b.shop.test/owners", "{\"kind\":\"email\",\"name\":\"shop@mail.example\"}").status()).isEqualTo(201);
        assertThat(call(root, "PUT", "/api/v1/alert-route", "{\"alert_route\":\"noc@mail.example\"}").body().get("alert_route").asText())
                .isEqualTo("noc@mail.example");
        assertThat(call(analyst, "GET", "/api/v1/domains/b.shop.test/recipients", null).body().toString())
                .isEqualTo("[\"shop@mail.example\",\"noc@mail.example\"]");
        assertThat(call(analyst, "GET", "/api/v1/domains/a.shop.test/owners", null).body().get(0).get("kind").asText()).isEqualTo("user");

        assertThat(call(root, "GET", "/api/v1/overview?period=365d&owner=mine", null).body().get("items").findValuesAsText("domain"))
                .containsExactly("a.shop.test");
        assertThat(call(analyst, "GET", "/api/v1/overview?period=365d&owner=none", null).body().get("items").findValuesAsText("domain"))
                .containsExactly("lost.test");
        assertThat(call(analyst, "GET", "/api/v1/overview?period=365d&owner=mine", null).body().get("items")).isEmpty();

        assertThat(call(root, "DELETE", "/api/v1/domains/b.shop.test/owners/email/shop@mail.example", null).status()).isEqualTo(204);
        assertThat(call(root, "DELETE", "/api/v1/domains/b.shop.test/owners/email/shop@mail.example", null).status()).isEqualTo(404);
        assertThat(call(root, "DELETE", "/api/v1/assignment-rules?pattern=*.shop.test", null).status()).isEqualTo(204);
        assertThat(call(root, "GET", "/api/v1/assignment-rules", null).body()).isEmpty();
    }

    @Test
    void anAnalystReadsOwnersButChangesNothingAndBadInputIsNamed() throws Exception {
        call(root, "POST", "/api/v1/assignment-rules/apply", null);
        call(root, "POST", "/api/v1/assignment-rules", "{\"pattern\":\"*\",\"org\":\"default\",\"apply\":true}");

        Answer denied = call(analyst, "POST", "/api/v1/domains/a.shop.test/owners", "{\"kind\":\"user\",\"name\":\"val\"}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().get("type").asText()).endsWith("#forbidden");
        assertThat(call(analyst, "GET", "/api/v1/unassigned-domains", null).status()).isEqualTo(403);
        assertThat(call(analyst, "PUT", "/api/v1/alert-route", "{\"alert_route\":\"x@mail.example\"}").status()).isEqualTo(403);
        assertThat(call(analyst, "GET", "/api/v1/domains/a.shop.test/owners", null).status()).isEqualTo(200);

        Answer badEmail = call(root, "POST", "/api/v1/domains/a.shop.test/owners", "{\"kind\":\"email\",\"name\":\"nobody\"}");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body().get("detail").asText()).contains("'nobody' is not an email address");
        assertThat(call(root, "POST", "/api/v1/domains/a.shop.test/owners", "[1]").body().get("type").asText()).endsWith("#bad-request");
        assertThat(call(root, "POST", "/api/v1/domains/a.shop.test/owners", "{\"kind\":\"user\"}").body().get("detail").asText())
                .contains("\"name\"");
        assertThat(call(root, "GET", "/api/v1/domains/nowhere.test/owners", null).status()).isEqualTo(404);
        assertThat(call(root, "GET", "/api/v1/overview?owner=everyone", null).body().get("title").asText()).contains("owner");
        assertThat(call(root, "POST", "/api/v1/assignment-rules", "{\"pattern\":\"bad pattern\",\"org\":\"default\"}").status()).isEqualTo(400);
    }
}
