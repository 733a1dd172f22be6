package org.tlsrpthub.hub.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.cli.CliRun;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The API and the CLI show the single sign-on settings and check the provider; only hub admins may ask the API. */
class SsoStatusTest {
    @TempDir Path dir;

    @Test
    void theApiAndTheCliShowTheSettingsAndCheckTheProvider() throws Exception {
        try (LoopbackProvider provider = new LoopbackProvider()) {
            Path secret = dir.resolve("secret");
            Files.writeString(secret, "client-s3cret-Zq7\n");
            Map<String, String> settings = Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.public-url", "https://tlsrpt.example.com/",
                    "oidc.issuer", provider.issuer(), "oidc.client-id", "tlsrpt-hub", "oidc.client-secret-file", secret.toString(),
                    "oidc.role-mapping", "tlsrpt-ops=default:analyst", "oidc.allow-loopback", "true", "oidc.claim", "roles");
            String dbUrl = DatabaseLocation.sqliteUrl(dir);
            try (Database db = Database.open(dbUrl); Hub hub = new Hub(Settings.of(settings), db, Clock.systemUTC(), s -> List.of()).start()) {
                AccessService access = new AccessService(db, Clock.systemUTC());
                access.addUser("root", "root's password".toCharArray(), true);
                access.addUser("ann", "ann's password".toCharArray(), false);
                HttpResponse<String> r = get(hub, access.createToken("root", "").secret());
                assertThat(r.statusCode()).isEqualTo(200);
                JsonNode s = new ObjectMapper().readTree(r.body());
                assertThat(s.get("enabled").asBoolean()).isTrue();
                assertThat(s.get("redirectUri").asText()).isEqualTo("https://tlsrpt.example.com/oidc/callback");
                assertThat(s.get("claim").asText()).isEqualTo("roles");
                assertThat(s.get("roleMapping").get(0).asText()).isEqualTo("tlsrpt-ops=default:analyst");
                assertThat(s.get("providerReachable").asBoolean()).as(r.body()).isTrue();
                assertThat(s.get("signingKeys").asInt()).isPositive();
                assertThat(r.body()).doesNotContain("client-s3cret-Zq7");

                HttpResponse<String> analyst = get(hub, access.createToken("ann", "").secret());
                assertThat(analyst.statusCode()).isEqualTo(403);
                assertThat(analyst.body()).contains("forbidden").doesNotContain(provider.issuer());
            }

            Path conf = dir.resolve("hub.properties");
            StringBuilder p = new StringBuilder();
            settings.forEach((k, v) -> p.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
            Files.writeString(conf, p);
            CliRun json = CliRun.run("--config", conf.toString(), "--db", dbUrl, "sso", "check", "--json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            assertThat(new ObjectMapper().readTree(json.out()).get("redirectUri").asText()).isEqualTo("https://tlsrpt.example.com/oidc/callback");
            CliRun text = CliRun.run("--config", conf.toString(), "--db", dbUrl, "sso", "check");
            assertThat(text.out()).contains("redirect URI:  https://tlsrpt.example.com/oidc/callback").contains("provider:      OK");
        }
        CliRun down = CliRun.run("--db", DatabaseLocation.sqliteUrl(dir), "sso", "check");
        assertThat(down.exitCode()).as("single sign-on is off").isEqualTo(1);
        assertThat(down.out()).contains("single sign-on is off");
    }

    private static HttpResponse<String> get(Hub hub, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(hub.http().baseUrl().resolve("/api/v1/sso"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
