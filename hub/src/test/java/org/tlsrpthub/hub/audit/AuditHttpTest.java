package org.tlsrpthub.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/** Over real HTTP: what the pages and the API record (who, when, from where, before/after), and who may read it. */
class AuditHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEW_TOKEN = Pattern.compile("New token <strong>(tok_[^<]+)</strong>: <code id=\"new-token\">([^<]+)</code>");

    @TempDir Path dir;

    private record Token(String id, String secret) {}

    private static Token createToken(WebHub h, String csrf, String label) throws Exception {
        HttpResponse<String> page = h.postForm("/tokens", Map.of("_csrf", csrf, "label", label));
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = NEW_TOKEN.matcher(page.body());
        assertThat(m.find()).as("the new token on the page").isTrue();
        return new Token(m.group(1), m.group(2));
    }

    private static HttpResponse<String> api(WebHub h, String secret, String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.url(path)).header("Authorization", "Bearer " + secret);
        b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
        return h.browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The entries of one action, newest first, as the API lists them. */
    private static List<JsonNode> entries(WebHub h, String secret, String action) throws Exception {
        HttpResponse<String> r = api(h, secret, "GET", "/api/v1/audit?action=" + action);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).get("items").forEach(out::add);
        return out;
    }

    @Test
    void signInsTokensAndReprocessAreRecordedWithWhoWhenAndWhereFrom() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            new AccessService(h.db, Clock.systemUTC()).addUser("root", "root password".toCharArray(), true);
            new IngestService(h.db, new CoreInputDecoder(), Clock.systemUTC())
                    .ingest("{\"broken\": ".getBytes(StandardCharsets.UTF_8), Provenance.file("x.json", Clock.systemUTC().instant()));
            long input = Sql.count(h.db, "SELECT raw_input_id FROM quarantine");

            String formToken = WebHub.csrf(h.get("/login").body());
            assertThat(h.postForm("/login", Map.of("_csrf", formToken, "user", "root", "password", "not the password")).statusCode())
                    .isEqualTo(401);
            String csrf = h.signIn("root", "root password");
            Token revoked = createToken(h, csrf, "old script");
            assertThat(h.postForm("/tokens/" + revoked.id() + "/revoke", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
            Token grafana = createToken(h, csrf, "grafana");
            assertThat(api(h, grafana.secret(), "POST", "/api/v1/quarantine/" + input + "/reprocess").statusCode()).isEqualTo(200);
            assertThat(h.postForm("/quarantine/" + input + "/reprocess", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
            assertThat(h.postForm("/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);

            String key = grafana.secret();
            assertThat(entries(h, key, "sign-in-failed")).singleElement().satisfies(e -> {
                assertThat(e.get("actor").asText()).isEqualTo("root");
                assertThat(e.get("actorKind").asText()).isEqualTo("unverified");
                assertThat(e.get("address").asText()).isEqualTo("127.0.0.1");
                assertThat(e.get("at").asText()).isNotEmpty();
            });
            assertThat(entries(h, key, "sign-in")).singleElement().satisfies(e -> {
                assertThat(e.get("actor").asText()).isEqualTo("root");
                assertThat(e.get("actorKind").asText()).isEqualTo("user");
                assertThat(e.get("address").asText()).isEqualTo("127.0.0.1");
            });
            assertThat(entries(h, key, "token-created")).extracting(e -> e.get("target").asText()).containsExactly(grafana.id(), revoked.id());
            JsonNode created = entries(h, key, "token-created").get(0);
            assertThat(created.get("actor").asText()).isEqualTo("root");
            assertThat(created.get("org").asText()).isEqualTo("default");
            assertThat(created.get("after").asText()).isEqualTo("{\"user\":\"root\",\"label\":\"grafana\",\"org\":\"default\"}");
            assertThat(entries(h, key, "token-revoked")).singleElement().satisfies(e -> {
                assertThat(e.get("target").asText()).isEqualTo(revoked.id());
                assertThat(e.get("actor").asText()).isEqualTo("root");
                assertThat(e.get("before").asText()).isEqualTo("{\"status\":\"valid\"}");
                assertThat(e.get("after").asText()).isEqualTo("{\"status\":\"revoked\"}");
            });
            // the API call is the token's doing; the button press the user's
            assertThat(entries(h, key, "reprocess")).satisfiesExactly(page -> {
                assertThat(page.get("actor").asText()).isEqualTo("root");
                assertThat(page.get("actorKind").asText()).isEqualTo("user");
                assertThat(page.get("target").asText()).isEqualTo("input " + input);
            }, byApi -> {
                assertThat(byApi.get("actor").asText()).isEqualTo(grafana.id());
                assertThat(byApi.get("actorKind").asText()).isEqualTo("token");
                assertThat(byApi.get("address").asText()).isEqualTo("127.0.0.1");
                assertThat(byApi.get("org").asText()).isEqualTo("default");
                assertThat(byApi.get("after").asText()).contains("\"stillQuarantined\":1");
            });
            assertThat(entries(h, key, "sign-out")).singleElement().satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("root"));

            String everything = Sql.rows(h.db, "SELECT * FROM audit_log").toString();
            assertThat(everything).doesNotContain("root password").doesNotContain(grafana.secret()).doesNotContain(revoked.secret());
        }
    }

    @Test
    void onlyAdminsReadTheLogOnThePageTheApiAndAsCsv() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            AccessService access = new AccessService(h.db, Clock.systemUTC());
            access.addUser("root", "root password".toCharArray(), true);
            access.addUser("ann", "ann's password".toCharArray(), false); // an analyst in 'default'
            String admin = access.createToken("root", "admin script").secret();
            String analyst = access.createToken("ann", "ann's script").secret();
            access.createToken("ann", "=HYPERLINK(\"evil\")");

            HttpResponse<String> refused = api(h, analyst, "GET", "/api/v1/audit");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("#forbidden").contains("admin role");
            assertThat(api(h, analyst, "GET", "/api/v1/audit.csv").statusCode()).isEqualTo(403);
            assertThat(api(h, analyst, "GET", "/api/v1/audit?format=csv").statusCode()).isEqualTo(403);

            HttpResponse<String> bad = api(h, admin, "GET", "/api/v1/audit?action=nonsense");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("Bad parameter: action").contains("token-created");
            assertThat(api(h, admin, "GET", "/api/v1/audit?since=yesterday").statusCode()).isEqualTo(400);

            HttpResponse<String> csv = api(h, admin, "GET", "/api/v1/audit.csv?action=token-created");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[0]).isEqualTo("id,at,org,actor,actor_kind,address,action,target,before,after,detail");
            assertThat(lines).hasSize(4);
            assertThat(lines[1]).contains(",system,system,local,token-created,tok_");
            // a label is a stranger's text to a spreadsheet: quoted, and its formula kept inert in the JSON
            assertThat(csv.body()).contains("HYPERLINK").doesNotContain(",=HYPERLINK");
            assertThat(api(h, admin, "GET", "/api/v1/audit?format=csv&actor=system").body()).startsWith("id,at,org");

            h.signIn("ann", "ann's password");
            HttpResponse<String> page = h.get("/audit");
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(h.get("/").body()).doesNotContain("href=\"/audit\"");
            String csrf = WebHub.csrf(h.get("/tokens").body());
            assertThat(h.postForm("/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);

            h.signIn("root", "root password");
            assertThat(h.get("/").body()).contains("href=\"/audit\"");
            HttpResponse<String> shown = h.get("/audit?action=sign-in&since=2000-01-01");
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("sign-in").contains("127.0.0.1").contains("/api/v1/audit.csv?action=sign-in&amp;since=2000-01-01")
                    .contains("<code>sign-in</code>").doesNotContain("<code>token-created</code>")
                    .contains("<option value=\"sign-in\" selected>").contains("value=\"2000-01-01\"");
            assertThat(h.get("/audit?until=someday").statusCode()).isEqualTo(400);
            // the browser's session may download the CSV the page links to
            assertThat(h.get("/api/v1/audit.csv?action=sign-in").body()).contains(",root,user,127.0.0.1,sign-in,");
        }
    }
}
