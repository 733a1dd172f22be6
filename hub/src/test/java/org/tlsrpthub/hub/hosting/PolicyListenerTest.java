package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.testsupport.RawHttp.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.auth.RouteRules;
import org.tlsrpthub.hub.checks.Checkers;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.http.Curl;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.RawHttp;
import org.tlsrpthub.hub.testsupport.RawHttp.Response;
import org.tlsrpthub.hub.testsupport.TestCa;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * The policy listener of a real hub over real HTTPS on loopback, hosting a.test and b.test, each
 * policy host with its own certificate from a test CA: what a sender's TLS client, curl and the
 * hub's own live checker (the code of {@code tlsrpt-hub check}, with dnsmasq for the zone) get.
 */
class PolicyListenerTest {
    @TempDir static Path dir;
    static Path caPem;
    static Database db;
    static Hub hub;
    static int port;
    static HostedVersion a, b;

    @BeforeAll
    static void start() throws Exception {
        TestCa ca = TestCa.create("Policy hosting test CA");
        caPem = ca.writePem(dir.resolve("ca.pem"));
        Path certs = Files.createDirectory(dir.resolve("certs"));
        for (String host : List.of("mta-sts.a.test", "mta-sts.b.test")) ca.issue(List.of(host), 30).writePem(certs, host);
        db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("store")));
        a = HostedPolicies.host(db, "a.test", PolicyMode.ENFORCE, 1_209_600, java.time.Instant.now(), "mx1.a.test");
        b = HostedPolicies.host(db, "b.test", PolicyMode.ENFORCE, 604_800, java.time.Instant.now(), "mx1.b.test", "mx2.b.test");
        hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "mta-sts.https.port", "0",
                "mta-sts.certificates", certs.toString())), db, Clock.systemUTC(), s -> List.of()).start();
        port = hub.policyListener().orElseThrow().baseUrl().getPort();
    }

    @AfterAll
    static void stop() {
        if (hub != null) hub.close();
        if (db != null) db.close();
    }

    private static Response fetch(String sni, String host) throws Exception {
        SSLContext trust = PemTls.trusting(caPem);
        return RawHttp.tls(port, sni, trust, request("GET", PolicyFileRoutes.PATH, host));
    }

    @Test
    void eachPolicyHostGetsItsOwnCertificateAndItsOwnPolicy() throws Exception {
        for (HostedVersion v : List.of(a, b)) {
            String host = "mta-sts." + v.domain();
            Response r = fetch(host, host);
            assertThat(r.certificate().getSubjectAlternativeNames()).as(host).containsExactly(List.of(2, host));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(v.text());
            assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(r.header("Content-Type")).startsWith("text/plain");
        }
    }

    @Test
    void curlResolvingTheNamesToLoopbackVerifiesAndGetsEachPolicy() throws Exception {
        for (HostedVersion v : List.of(a, b)) {
            String host = "mta-sts." + v.domain();
            String body = Curl.run(List.of("curl", "-sS", "--fail", "--cacert", caPem.toString(), "--resolve", host + ":" + port + ":127.0.0.1",
                    "https://" + host + ":" + port + PolicyFileRoutes.PATH));
            assertThat(body).isEqualTo(v.text());
        }
    }

    @Test
    void theLiveCheckerFindsEachHostedPolicyValid() throws Exception {
        Dnsmasq.Zone zone = Dnsmasq.zone();
        for (HostedVersion v : List.of(a, b)) {
            String d = v.domain();
            zone.txt("_mta-sts." + d, v.txtRecord()).host("mta-sts." + d, "127.0.0.1");
            for (String mx : v.mxPatterns()) zone.mx(d, mx, 10).host(mx, "127.0.0.11");
        }
        try (Dnsmasq dns = zone.start()) {
            // MX probes go to a port where nothing listens: only the policy's findings matter here
            var checker = Checkers.fromSettings(Settings.of(Map.of("checks.resolver", dns.resolverSetting(), "checks.https-port",
                    Integer.toString(port), "checks.ca-file", caPem.toString(), "checks.allow-private", "true", "checks.smtp-port", "9")),
                    Clock.systemUTC());
            for (HostedVersion v : List.of(a, b)) {
                DomainCheck c = checker.check(v.domain());
                assertThat(c.mtaSts().recordStatus()).as(v.domain()).isEqualTo("valid");
                assertThat(c.mtaSts().id()).isEqualTo(v.policyId());
                assertThat(c.mtaSts().policyStatus()).as(c.findings().toString()).isEqualTo("valid");
                assertThat(c.mtaSts().mode()).isEqualTo("enforce");
                assertThat(c.mtaSts().mx()).isEqualTo(v.mxPatterns());
                assertThat(c.mtaSts().maxAge()).isEqualTo(v.policy().maxAge());
                assertThat(c.findings().stream().map(Finding::id).filter(id -> id.startsWith("sts-"))).isEmpty();
            }
        }
    }

    @Test
    void anotherHostGetsNotFoundAndNothingButThePolicyIsServedHere() throws Exception {
        Response unhosted = fetch("mta-sts.a.test", "mta-sts.c.test");
        assertThat(unhosted.status()).isEqualTo(404);
        assertThat(unhosted.body()).isEqualTo(PolicyFileRoutes.NOT_FOUND);
        assertThat(fetch("mta-sts.a.test", null).status()).as("no Host over HTTP/1.1 is Jetty's 400").isEqualTo(400);
        SSLContext trust = PemTls.trusting(caPem);
        for (String path : List.of("/", "/login", "/healthz", "/api/v1/overview", PolicyFileRoutes.ASK_PATH + "?domain=mta-sts.a.test")) {
            assertThat(RawHttp.tls(port, "mta-sts.a.test", trust, request("GET", path, "mta-sts.a.test")).status()).as(path).isEqualTo(404);
        }
        assertThat(RawHttp.tls(port, "mta-sts.a.test", trust, "POST /tlsrpt HTTP/1.1\r\nHost: mta-sts.a.test\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n").status()).isEqualTo(404);
    }

    @Test
    void everyRouteOfTheListenerIsOpenInTheAuthorizationTable() {
        List<String> routes = hub.policyListener().orElseThrow().routes();
        assertThat(routes).contains("GET " + PolicyFileRoutes.PATH, "HEAD " + PolicyFileRoutes.PATH).doesNotContain("GET " + PolicyFileRoutes.ASK_PATH);
        assertThat(routes).allSatisfy(r -> assertThat(RouteRules.hub("/tlsrpt").all().get(r)).as(r).isEqualTo(RouteRules.Need.OPEN));
    }
}
