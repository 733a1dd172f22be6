package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.hosting.HostingServiceContract.HUB;
import static org.tlsrpthub.hub.hosting.HostingServiceContract.refused;
import static org.tlsrpthub.hub.hosting.HostingWorld.ANA;
import static org.tlsrpthub.hub.hosting.HostingWorld.D;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckService;
import org.tlsrpthub.hub.checks.HubDestinations;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.checks.MxProbeResult;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.PolicyServer;
import org.tlsrpthub.hub.testsupport.TestCa;

/**
 * Import through the real live check: dnsmasq answers the zone on loopback, Jetty serves the policy
 * over HTTPS with a certificate from a test CA, and the check engine fetches it as a sender would.
 */
class HostingImportTest {
    static final String POLICY = "version: STSv1\r\nmode: testing\r\nmx: mx1." + D + "\r\nmx: mx2." + D + "\r\nmax_age: 1209600\r\n";
    static TestCa ca;

    @TempDir Path dir;
    Database db;
    HostingWorld w;
    Dnsmasq dns;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCa.create("Hosting import test CA");
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        w = new HostingWorld(db).readyReports();
        dns = Dnsmasq.zone().txt("_mta-sts." + D, "v=STSv1; id=20260501a;").host("mta-sts." + D, "127.0.0.1")
                .mx(D, "mx1." + D, 10).mx(D, "mx2." + D, 20).host("mx1." + D, "127.0.0.11").host("mx2." + D, "127.0.0.12").start();
    }

    @AfterEach
    void close() {
        if (dns != null) dns.close();
        db.close();
    }

    /** The live check against this test's DNS server and policy host; the MX hosts are listed, not probed. */
    private void checkAgainst(PolicyServer server) throws Exception {
        CheckOptions o = new CheckOptions(dns.address(), 25, server.port(), ca.writePem(dir.resolve("ca.pem")), true, 21,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), HubDestinations.none());
        w.checker = new CheckService(o, (host, preference, addresses, dnssec) -> new MxProbeResult(new MxHost(host, preference,
                addresses.stream().map(a -> a.getHostAddress()).toList(), "not-probed", null, null, null), List.of()), w.clock);
    }

    @Test
    void thePolicyServedTodayBecomesVersionOneAndItsMxHostsAreKnown() throws Exception {
        try (PolicyServer s = PolicyServer.serving(ca.issue(List.of("mta-sts." + D), 90), POLICY)) {
            checkAgainst(s);
            HostingStatus st = w.service.importExisting(HUB, ANA, D);
            assertThat(st.current().version()).isEqualTo(1);
            assertThat(st.current().action()).isEqualTo("import");
            assertThat(st.current().text()).isEqualTo(POLICY);
            assertThat(st.current().reason()).startsWith("imported from https://mta-sts." + D + ":" + s.port()
                    + "/.well-known/mta-sts.txt (record id=20260501a, live check of ");
            assertThat(st.publication().message()).isEqualTo("not yet published (DNS has id=20260501a)");
            assertThat(w.audited("policy-imported")).isEqualTo(1);
            // the import's check is stored: the next edit is held against the MX hosts it found
            refused(() -> w.service.host(HUB, ANA, D, HostingWorld.testing("mx1." + D)), 400, "MX host mx2." + D + " matches no mx pattern");
        }
    }

    @Test
    void aFetchThatFailsIsRefusedInTheLiveChecksWords() throws Exception {
        try (PolicyServer s = PolicyServer.start(ca.issue(List.of("mta-sts." + D), 90), ctx -> ctx.status(404).result("gone"))) {
            checkAgainst(s);
            refused(() -> w.service.importExisting(HUB, ANA, D), 409, "could not import the MTA-STS policy of " + D
                    + ": The policy URL answered 404 Not Found from 127.0.0.1; senders accept only 200.");
        }
        try (PolicyServer s = PolicyServer.serving(ca.issue(List.of("www." + D), 90), POLICY)) {
            checkAgainst(s);
            refused(() -> w.service.importExisting(HUB, ANA, D), 409, "it is for www." + D + ", not mta-sts." + D);
        }
        assertThat(w.versions(D)).isZero();
    }
}
