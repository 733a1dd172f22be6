package org.tlsrpthub.hub.checks.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.MxDnssec;
import org.tlsrpthub.hub.checks.MxProbeResult;
import org.tlsrpthub.hub.net.OutboundGuard;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.ManualClock;
import org.tlsrpthub.hub.testsupport.ScriptedMx;
import org.tlsrpthub.hub.testsupport.ScriptedMx.Script;
import org.tlsrpthub.hub.testsupport.SignedZone;
import org.tlsrpthub.hub.testsupport.TestCa;

/** The per-address limiter, counted on a real listener: sessions it saw and how many at once. */
class AddressRateLimiterTest {
    @TempDir static Path dir;
    static SignedZone dns;
    static TestCa ca;
    static Path caFile;

    @BeforeAll
    static void start() throws Exception {
        dns = SignedZone.start(dir, List.of(new SignedZone.Zone("limit.test", List.of(), SignedZone.Signing.NONE)));
        ca = TestCa.create("Limiter Test CA");
        caFile = ca.writePem(dir.resolve("ca.pem"));
    }

    @AfterAll
    static void stop() throws Exception {
        dns.close();
    }

    static StartTlsProber prober(ScriptedMx mx, AddressRateLimiter limiter) {
        ProbeSettings s = ProbeSettings.defaults(new OutboundGuard(true, "--allow-private"), limiter, "probe.hub.test")
                .withPort(mx.port()).withCaFile(caFile);
        return new StartTlsProber(LiveDns.using(dns.resolver(), Duration.ofSeconds(5)), s);
    }

    @Test
    void aSecondProbeWithinTheIntervalReusesTheFirstSession() throws Exception {
        ManualClock clock = new ManualClock();
        AddressRateLimiter limiter = new AddressRateLimiter(Duration.ofMinutes(1), clock);
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.6", 0, Script.plain())) {
            StartTlsProber p = prober(mx, limiter);
            List<InetAddress> a = List.of(InetAddress.getByName("127.0.0.6"));
            MxProbeResult first = p.probe("mx.limit.test", 10, a, MxDnssec.AUTHENTICATED);
            clock.advance(Duration.ofSeconds(59));
            MxProbeResult second = p.probe("mx.limit.test", 10, a, MxDnssec.AUTHENTICATED);
            assertThat(mx.sessions()).isEqualTo(1);
            assertThat(second.findings()).isEqualTo(first.findings());

            clock.advance(Duration.ofSeconds(1));
            p.probe("mx.limit.test", 10, a, MxDnssec.AUTHENTICATED);
            assertThat(mx.sessions()).isEqualTo(2);
        }
    }

    @Test
    void anotherHostOnTheSameAddressGetsThatSessionJudgedForItsOwnName() throws Exception {
        AddressRateLimiter limiter = new AddressRateLimiter(Duration.ofMinutes(1), new ManualClock());
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.6", 0, Script.starttls(ca.issue(List.of("mx1.limit.test"), 90)))) {
            StartTlsProber p = prober(mx, limiter);
            List<InetAddress> a = List.of(InetAddress.getByName("127.0.0.6"));
            MxProbeResult mx1 = p.probe("mx1.limit.test", 10, a, MxDnssec.AUTHENTICATED);
            MxProbeResult mx2 = p.probe("mx2.limit.test", 10, a, MxDnssec.AUTHENTICATED);
            assertThat(mx.sessions()).isEqualTo(1);
            assertThat(mx1.findings()).noneMatch(f -> f.id().equals("certificate-host-mismatch"));
            assertThat(mx2.findings()).anyMatch(f -> f.id().equals("certificate-host-mismatch") && f.message().contains("mx2.limit.test"));
        }
    }

    @Test
    void probesOfOneAddressNeverRunAtOnce() throws Exception {
        // interval zero: nothing is reused, every probe opens a session, one after the other
        AddressRateLimiter limiter = new AddressRateLimiter(Duration.ZERO, Clock.systemUTC());
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.7", 0, Script.starttls(ca.issue(List.of("mx.limit.test"), 30)).delayed(100));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            StartTlsProber p = prober(mx, limiter);
            List<InetAddress> a = List.of(InetAddress.getByName("127.0.0.7"));
            List<Callable<MxProbeResult>> probes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String host = "mx" + i + ".limit.test";
                probes.add(() -> p.probe(host, 10, a, MxDnssec.AUTHENTICATED));
            }
            for (Future<MxProbeResult> f : pool.invokeAll(probes)) f.get();
            Await.until(() -> mx.sessions() == 6);
            assertThat(mx.mostAtOnce()).isEqualTo(1);
        }
    }
}
