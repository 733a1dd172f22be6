package org.tlsrpthub.hub.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/**
 * What the hub refuses before any sign-in: wrong settings and misconfigured providers stop the start
 * with a clear error; outbound fetches go only where allowed, follow no redirect and are size-limited;
 * a provider that is down gives the person signing in a page that says so.
 */
class SsoProviderChecksTest {
    @TempDir Path dir;

    private Map<String, String> settings(String issuer) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "client-s3cret-Zq7\n");
        return new HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.public-url", "https://tlsrpt.example.com",
                "oidc.issuer", issuer, "oidc.client-id", "tlsrpt-hub", "oidc.client-secret-file", secret.toString(),
                "oidc.role-mapping", "tlsrpt-ops=default:analyst", "oidc.allow-loopback", "true"));
    }

    private Hub start(Map<String, String> settings, Database db) throws Exception {
        return new Hub(Settings.of(settings), db, Clock.systemUTC(), s -> List.of()).start();
    }

    private void assertStartRefused(Map<String, String> settings, String... messageParts) {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            assertThatThrownBy(() -> start(settings, db).close()).isInstanceOf(SettingsException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains(messageParts).doesNotContain("client-s3cret-Zq7"));
        }
    }

    @Test
    void wrongSettingsStopTheStartWithAClearError() throws Exception {
        try (LoopbackProvider provider = new LoopbackProvider()) {
            Map<String, String> s = settings(provider.issuer());
            s.remove("oidc.allow-loopback");
            assertStartRefused(s, "oidc.issuer = " + provider.issuer() + " must be an https URL", "oidc.allow-loopback");

            s = settings(provider.issuer());
            s.remove("oidc.client-secret-file");
            assertStartRefused(s, "oidc.client-secret-env or oidc.client-secret-file");
            s.put("oidc.client-secret", "in the file");
            assertStartRefused(s, "oidc.client-secret must not hold the secret itself");

            s = settings(provider.issuer());
            s.put("oidc.role-mapping", "tlsrpt-ops=default:superuser");
            assertStartRefused(s, "oidc.role-mapping entry 'tlsrpt-ops=default:superuser'", "unknown role 'superuser'");
            s.put("oidc.role-mapping", "tlsrpt-ops");
            assertStartRefused(s, "'tlsrpt-ops' is not value=organisation:role");

            s = settings(provider.issuer());
            s.remove("http.public-url");
            assertStartRefused(s, "http.public-url must be set");

            assertStartRefused(new HashMap<>(Map.of("http.port", "0", "auth.local-sign-in", "false")),
                    "auth.local-sign-in = false needs single sign-on");
        }
    }

    @Test
    void aMisconfiguredProviderStopsTheStart() throws Exception {
        try (LoopbackProvider provider = new LoopbackProvider()) {
            assertStartRefused(settings(provider.issuer() + "/"), "names the issuer " + provider.issuer() + ", but oidc.issuer is "
                    + provider.issuer() + "/");
        }
        try (FakeProvider fake = new FakeProvider()) {
            assertStartRefused(settings(fake.url("/missing")), "answered HTTP 404", "is oidc.issuer right?");
            assertStartRefused(settings(fake.url("/moved")), "answered with a redirect to https://elsewhere.example/",
                    "the hub follows no redirects");
        }
    }

    @Test
    void anOversizedAnswerIsNotRead() throws Exception {
        try (FakeProvider fake = new FakeProvider()) {
            ProviderFetch fetch = new ProviderFetch(new ProviderNetwork(true, false));
            assertThatThrownBy(() -> fetch.get("the discovery document", URI.create(fake.url("/huge/.well-known/openid-configuration"))))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("more than " + ProviderFetch.MAX_BYTES + " bytes");
        }
    }

    @Test
    void onlyPublicAddressesUnlessASettingAllowsMore() throws Exception {
        ProviderNetwork strict = new ProviderNetwork(false, false);
        for (String a : new String[] {"10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "fd00::1", "fe80::1"}) {
            assertThat(strict.refusal(InetAddress.getByName(a))).as(a).contains("private-network");
            assertThat(new ProviderNetwork(false, true).refusal(InetAddress.getByName(a))).as(a).isNull();
        }
        for (String a : new String[] {"127.0.0.1", "::1"}) {
            assertThat(strict.refusal(InetAddress.getByName(a))).as(a).contains("loopback");
            assertThat(new ProviderNetwork(true, false).refusal(InetAddress.getByName(a))).as(a).isNull();
        }
        assertThat(strict.refusal(InetAddress.getByName("0.0.0.0"))).isNotNull();
        assertThat(strict.refusal(InetAddress.getByName("192.0.2.10"))).as("a public address").isNull();
        // refused before any connection is tried
        assertThatThrownBy(() -> new ProviderFetch(strict).get("the discovery document", URI.create("https://10.1.2.3/realm")))
                .isInstanceOf(ProviderException.class).hasMessageContaining("is 10.1.2.3, a private-network address");
        assertThatThrownBy(() -> strict.checkAddresses("the token endpoint", URI.create("http://192.0.2.10/token")))
                .hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> new ProviderNetwork(true, false).checkAddresses("the token endpoint", URI.create("http://192.0.2.10/token")))
                .as("plain http only to loopback, even when loopback is allowed").hasMessageContaining("must be an https URL");
    }

    @Test
    void aProviderDownAtSignInGivesAClearPageAndTheHubStillStarts() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir));
                Hub hub = start(settings("http://127.0.0.1:" + closed + "/realms/acme"), db)) {
            Browser b = new Browser();
            HttpResponse<String> r = b.get(hub.http().baseUrl().resolve("/oidc/sign-in"));
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).contains("The identity provider could not be reached").contains("href=\"/login\"")
                    .doesNotContain("Exception").doesNotContain("at org.");
            HttpResponse<String> login = b.get(hub.http().baseUrl().resolve("/login"));
            assertThat(login.statusCode()).as("local sign-in still works").isEqualTo(200);
        }
    }

    /** A misbehaving provider on loopback: 404, a redirect, an endless discovery document. */
    private static final class FakeProvider implements AutoCloseable {
        private final HttpServer server;

        FakeProvider() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/moved/")) {
                    exchange.getResponseHeaders().add("Location", "https://elsewhere.example/");
                    exchange.sendResponseHeaders(302, -1);
                } else if (path.startsWith("/huge/")) {
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    try (var out = exchange.getResponseBody()) {
                        for (int i = 0; i < 16; i++) out.write(chunk); // 1 MiB: twice the limit
                    } catch (java.io.IOException stoppedReading) {
                        // the hub hung up after its limit, as it should
                    }
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
