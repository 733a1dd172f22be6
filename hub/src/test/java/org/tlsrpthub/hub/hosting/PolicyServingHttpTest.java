package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.testsupport.RawHttp.request;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.metrics.PolicyMetrics;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.ManualClock;
import org.tlsrpthub.hub.testsupport.RawHttp;
import org.tlsrpthub.hub.testsupport.RawHttp.Response;

/**
 * The policy route on the hub's own listener (as behind a reverse proxy) of a real hub on loopback
 * with a SQLite store and a clock the test moves: what a sender gets for each Host header, and the
 * endpoint Caddy asks before getting a certificate.
 */
class PolicyServingHttpTest {
    private static final String PATH = PolicyFileRoutes.PATH;
    @TempDir Path dir;
    final ManualClock clock = new ManualClock();
    Database db;
    Hub hub;
    int port;

    @BeforeEach
    void start() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0")), db, clock, s -> List.of()).start();
        port = hub.http().baseUrl().getPort();
        HostedPolicies.host(db, "a.test", PolicyMode.TESTING, 86_400, clock.now, "mx1.a.test", "*.a.test");
    }

    @AfterEach
    void stop() {
        hub.close();
        db.close();
    }

    private Response get(String host) throws Exception {
        return RawHttp.plain(port, request("GET", PATH, host));
    }

    @Test
    void aHostedDomainGetsItsPolicyAsPlainTextWithCrlfAndNoCaching() throws Exception {
        Response r = get("mta-sts.a.test");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("version: STSv1\r\nmode: testing\r\nmx: mx1.a.test\r\nmx: *.a.test\r\nmax_age: 86400\r\n");
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(r.header("Location")).isNull();
    }

    @Test
    void theHostMayHaveOtherLetterCaseAPortAndATrailingDot() throws Exception {
        for (String host : List.of("MTA-STS.A.Test", "mta-sts.a.test:443", "mta-sts.a.test.", "mta-sts.a.test.:8443")) {
            assertThat(get(host).status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void anyOtherHostGetsTheSameShortNotFound() throws Exception {
        Response unhosted = get("mta-sts.b.test");
        assertThat(unhosted.status()).isEqualTo(404);
        assertThat(unhosted.body()).isEqualTo(PolicyFileRoutes.NOT_FOUND);
        assertThat(unhosted.header("Content-Type")).startsWith("text/plain");
        for (String host : List.of("a.test", "www.a.test", "mta-sts.", "127.0.0.1:" + 1, "[::1]:8080",
                "mta-sts.mta-sts.a.test", "xmta-sts.a.test")) {
            Response r = get(host);
            assertThat(r.status()).as(host).isEqualTo(404);
            assertThat(r.body()).as(host).isEqualTo(unhosted.body());
        }
        Response none = RawHttp.plain(port, "GET " + PATH + " HTTP/1.0\r\n\r\n");
        assertThat(none.status()).as("HTTP/1.0 without Host").isEqualTo(404);
        assertThat(none.body()).isEqualTo(unhosted.body());
    }

    @Test
    void headAnswersLikeGetWithoutABodyAndOtherMethodsAreRefused() throws Exception {
        Response head = RawHttp.plain(port, request("HEAD", PATH, "mta-sts.a.test"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).startsWith("text/plain");
        assertThat(head.header("Cache-Control")).as(head.headers().toString()).isEqualTo("no-cache");
        assertThat(RawHttp.plain(port, request("HEAD", PATH, "mta-sts.b.test")).status()).isEqualTo(404);
        for (String m : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Response r = RawHttp.plain(port, m + " " + PATH + " HTTP/1.1\r\nHost: mta-sts.a.test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).as(m).isEqualTo(405);
            assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
        }
    }

    @Test
    void aNewVersionIsServedAtTheNextRequest() throws Exception {
        assertThat(get("mta-sts.a.test").body()).contains("mode: testing");
        HostedPolicies.host(db, "a.test", PolicyMode.ENFORCE, 604_800, clock.now, "mx1.a.test");
        assertThat(get("mta-sts.a.test").body()).isEqualTo("version: STSv1\r\nmode: enforce\r\nmx: mx1.a.test\r\nmax_age: 604800\r\n");
    }

    @Test
    void modeNoneIsServedUntilServeUntilAndThenNotFound() throws Exception {
        Instant until = clock.now.plus(Duration.ofDays(1));
        HostedPolicies.retire(db, "a.test", clock.now, until);
        Response before = get("mta-sts.a.test");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body()).contains("mode: none");
        assertThat(askFor("mta-sts.a.test")).isEqualTo(200);

        clock.now = until.minusMillis(1);
        assertThat(get("mta-sts.a.test").status()).isEqualTo(200);
        clock.now = until;
        Response after = get("mta-sts.a.test");
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.body()).isEqualTo(PolicyFileRoutes.NOT_FOUND);
        assertThat(askFor("mta-sts.a.test")).as("no certificate for a retired host").isEqualTo(404);
    }

    @Test
    void caddyIsAllowedACertificateOnlyForAServedPolicyHost() throws Exception {
        assertThat(askFor("mta-sts.a.test")).isEqualTo(200);
        assertThat(askFor("MTA-STS.a.test")).isEqualTo(200);
        assertThat(askFor("mta-sts.b.test")).isEqualTo(404);
        assertThat(askFor("a.test")).as("only the policy host, not the domain").isEqualTo(404);
        assertThat(askFor("hub.a.test")).isEqualTo(404);
        assertThat(RawHttp.plain(port, request("GET", PolicyFileRoutes.ASK_PATH, "127.0.0.1")).status()).as("no domain").isEqualTo(404);
    }

    @Test
    void answersAreCountedByOutcome() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        PolicyServing serving = new PolicyServing(db, clock, new PolicyMetrics(registry));
        serving.forHost("mta-sts.a.test");
        serving.forHost("mta-sts.a.test");
        serving.forHost("mta-sts.b.test");
        serving.forHost(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("tlsrpthub_mta_sts_policy_requests_total{outcome=\"served\"} 2.0")
                .contains("tlsrpthub_mta_sts_policy_requests_total{outcome=\"not-found\"} 2.0");
    }

    private int askFor(String name) throws Exception {
        return RawHttp.plain(port, request("GET", PolicyFileRoutes.ASK_PATH + "?domain=" + name, "127.0.0.1")).status();
    }
}
