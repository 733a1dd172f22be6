package org.tlsrpthub.hub.checks.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.MxDnssec;
import org.tlsrpthub.hub.checks.MxProbeResult;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.net.OutboundGuard;
import org.tlsrpthub.hub.testsupport.ScriptedMx;
import org.tlsrpthub.hub.testsupport.ScriptedMx.Fault;
import org.tlsrpthub.hub.testsupport.ScriptedMx.Script;
import org.tlsrpthub.hub.testsupport.SignedZone;
import org.tlsrpthub.hub.testsupport.TestCa;

/**
 * The STARTTLS probe against real listeners on loopback that misbehave on purpose, each bad case
 * recognised as what it is; DNS is a real (unsigned) zone behind a validating resolver.
 */
class StartTlsProberTest {
    static final String HOST = "mx.probe.test";
    static final OutboundGuard ALLOW_PRIVATE = new OutboundGuard(true, "--allow-private");
    @TempDir static Path dir;
    static SignedZone dns;
    static TestCa ca;
    static Path caFile;

    @BeforeAll
    static void start() throws Exception {
        dns = SignedZone.start(dir, List.of(new SignedZone.Zone("probe.test", List.of("mx A 127.0.0.2"), SignedZone.Signing.NONE)));
        ca = TestCa.create("Probe Test CA");
        caFile = ca.writePem(dir.resolve("ca.pem"));
    }

    @AfterAll
    static void stop() throws Exception {
        dns.close();
    }

    static StartTlsProber prober(int port, Path caFile, AddressRateLimiter limiter, OutboundGuard guard) {
        ProbeSettings s = ProbeSettings.defaults(guard, limiter, "probe.hub.test").withPort(port).withCaFile(caFile);
        return new StartTlsProber(LiveDns.using(dns.resolver(), Duration.ofSeconds(5)), s);
    }

    static StartTlsProber prober(ScriptedMx mx) {
        return prober(mx.port(), caFile, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), ALLOW_PRIVATE);
    }

    static MxProbeResult probe(StartTlsProber p, String... ips) throws Exception {
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String ip : ips) addresses.add(InetAddress.getByName(ip));
        return p.probe(HOST, 10, addresses, MxDnssec.AUTHENTICATED);
    }

    static List<String> ids(MxProbeResult r) {
        return r.findings().stream().map(Finding::id).toList();
    }

    static List<String> errors(MxProbeResult r) {
        return r.findings().stream().filter(f -> f.severity() == FindingSeverity.ERROR).map(Finding::id).toList();
    }

    @Test
    void aGoodServerShowsTheSessionAndCertificateAndNoErrors() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of(HOST), 90)))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).isEmpty();
            assertThat(ids(r)).doesNotContain("starttls-not-supported", "certificate-host-mismatch", "certificate-expired",
                    "certificate-not-trusted", "certificate-expires-soon", "mx-unreachable", "smtp-greeting-refused",
                    "smtp-greeting-slow", "smtp-greeting-timeout", "mx-address-not-public", "tlsa-invalid", "dnssec-invalid",
                    "certificate-not-yet-valid", "tls-handshake-failed", "smtp-protocol-error", "tlsa-lookup-failed", "tlsa-unusable");
            assertThat(r.mx().starttls()).isEqualTo("offered");
            assertThat(r.mx().tls().protocol()).isEqualTo("TLSv1.3");
            assertThat(r.mx().certificate().trusted()).isTrue();
            assertThat(r.mx().certificate().nameMatches()).isTrue();
            assertThat(r.mx().certificate().keyType()).isEqualTo("RSA");
            assertThat(r.mx().certificate().keySize()).isEqualTo(2048);
            assertThat(r.mx().certificate().daysToExpiry()).isBetween(88L, 90L);
            assertThat(r.mx().certificate().names()).containsExactly(HOST);
            assertThat(r.mx().certificate().sha256()).hasSize(64);
            var json = Json.MAPPER.readTree(Json.bytes(r.mx()));
            assertThat(json.at("/probes/0/greeting_ms").isNumber()).isTrue();
            assertThat(json.at("/certificate/days_to_expiry").asLong()).isEqualTo(r.mx().certificate().daysToExpiry());
            assertThat(json.at("/dane/status").asText()).isEqualTo("inactive");
            // one session: greeting, EHLO, STARTTLS, then QUIT inside TLS; no mail
            assertThat(mx.commands()).containsExactly("EHLO probe.hub.test", "STARTTLS", "TLS QUIT");
            assertThat(mx.sessions()).isEqualTo(1);
        }
    }

    @Test
    void anUnsignedZoneMakesDaneInactiveAsInformationOnly() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of(HOST), 90)))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            Finding dane = r.findings().stream().filter(f -> f.id().equals("dane-inactive")).findFirst().orElseThrow();
            assertThat(dane.severity()).isEqualTo(FindingSeverity.INFO);
            assertThat(dane.message()).startsWith("DANE inactive: not signed");
            assertThat(r.mx().dane().status()).isEqualTo("inactive");
            assertThat(r.mx().dane().authenticated()).isFalse();
        }
    }

    @Test
    void noStartTlsOffered() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.plain())) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).containsExactly("starttls-not-supported");
            assertThat(r.findings().get(0).subject()).isEqualTo(HOST + " [127.0.0.2]");
            assertThat(r.mx().starttls()).isEqualTo("not-offered");
            assertThat(r.mx().certificate()).isNull();
            assertThat(mx.commands()).containsExactly("EHLO probe.hub.test", "QUIT");
        }
    }

    @Test
    void a421GreetingIsARefusalNotMissingStartTls() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.greeting("421 4.7.0 too many connections, try later"))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(ids(r)).contains("smtp-greeting-refused").doesNotContain("starttls-not-supported");
            assertThat(r.mx().starttls()).isEqualTo("greeting-refused");
            assertThat(r.findings().get(0).message()).contains("421 4.7.0 too many connections");
            // the session still ends politely: no EHLO after a refusal, only QUIT
            assertThat(mx.commands()).containsExactly("QUIT");
            assertThat(mx.sessions()).isEqualTo(1);
        }
    }

    @Test
    void a421GreetingAndAHangUpIsTheSameRefusal() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.greeting("421 4.3.2 shutting down").hangingUp())) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(ids(r)).contains("smtp-greeting-refused").doesNotContain("starttls-not-supported", "smtp-protocol-error");
            assertThat(r.mx().starttls()).isEqualTo("greeting-refused");
            assertThat(mx.sessions()).isEqualTo(1);
        }
    }

    @Test
    void aSlowGreetingIsWaitedForAndReported() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of(HOST), 90)).delayed(1200))) {
            ProbeSettings s = ProbeSettings.defaults(ALLOW_PRIVATE, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), "probe.hub.test")
                    .withPort(mx.port()).withCaFile(caFile).withGreeting(Duration.ofSeconds(60), Duration.ofMillis(300));
            MxProbeResult r = new StartTlsProber(LiveDns.using(dns.resolver(), Duration.ofSeconds(5)), s)
                    .probe(HOST, 10, List.of(InetAddress.getByName("127.0.0.2")), MxDnssec.AUTHENTICATED);
            assertThat(ids(r)).contains("smtp-greeting-slow");
            assertThat(errors(r)).isEmpty();
            assertThat(r.mx().starttls()).isEqualTo("offered");
            // the server's 1,200 ms start when it accepts, a moment before the probe's clock starts (on a busy machine, ms)
            assertThat(r.mx().probes().get(0).greetingMillis()).isGreaterThan(1000L);
        }
    }

    @Test
    void noGreetingWithinTheBoundEndsTheProbe() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.faulty(Fault.SILENT))) {
            ProbeSettings s = ProbeSettings.defaults(ALLOW_PRIVATE, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), "probe.hub.test")
                    .withPort(mx.port()).withGreeting(Duration.ofMillis(500), Duration.ofMillis(200));
            MxProbeResult r = new StartTlsProber(LiveDns.using(dns.resolver(), Duration.ofSeconds(5)), s)
                    .probe(HOST, 10, List.of(InetAddress.getByName("127.0.0.2")), MxDnssec.AUTHENTICATED);
            assertThat(errors(r)).containsExactly("smtp-greeting-timeout");
            assertThat(r.mx().starttls()).isEqualTo("greeting-timeout");
        }
    }

    @Test
    void endlessReplyLinesAreCutOffNotBuffered() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.faulty(Fault.ENDLESS_EHLO_REPLY))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).containsExactly("smtp-protocol-error");
            assertThat(r.findings().get(0).message()).contains("more than " + SmtpReplyReader.MAX_LINES + " lines");
        }
    }

    @Test
    void anExpiredCertificate() throws Exception {
        Instant now = Instant.now();
        TestCa.Leaf expired = ca.issue(List.of(HOST), now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(2)));
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(expired))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).containsExactly("certificate-expired");
            assertThat(r.mx().certificate().trusted()).isTrue();
            assertThat(r.mx().certificate().daysToExpiry()).isNegative();
        }
    }

    @Test
    void aCertificateForAnotherName() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of("mail.other.test"), 90)))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).containsExactly("certificate-host-mismatch");
            assertThat(r.findings().get(0).message()).contains("mail.other.test").contains(HOST);
        }
    }

    @Test
    void aOneLabelWildcardNamesTheHost() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of("*.probe.test"), 90)))) {
            assertThat(errors(probe(prober(mx), "127.0.0.2"))).isEmpty();
        }
    }

    @Test
    void aSelfSignedCertificateIsNotTrusted() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(TestCa.selfSigned(HOST, 90)))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).containsExactly("certificate-not-trusted");
            assertThat(r.mx().certificate().trusted()).isFalse();
        }
    }

    @Test
    void aPrivateCaIsTrustedOnlyThroughTheCaFile() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of(HOST), 90)))) {
            StartTlsProber withoutCaFile = prober(mx.port(), null, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), ALLOW_PRIVATE);
            assertThat(errors(probe(withoutCaFile, "127.0.0.2"))).containsExactly("certificate-not-trusted");
        }
    }

    @Test
    void aCertificateExpiringWithinTheWarningDays() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of(HOST), 10)))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(ids(r)).contains("certificate-expires-soon");
            assertThat(errors(r)).isEmpty();
            Finding soon = r.findings().stream().filter(f -> f.id().equals("certificate-expires-soon")).findFirst().orElseThrow();
            assertThat(soon.severity()).isEqualTo(FindingSeverity.WARNING);
            assertThat(soon.message()).contains("expires in 9 days");
        }
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.9"))) {
            port = s.getLocalPort();
        }
        MxProbeResult r = probe(prober(port, caFile, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), ALLOW_PRIVATE), "127.0.0.9");
        assertThat(errors(r)).containsExactly("mx-unreachable");
        assertThat(r.mx().starttls()).isEqualTo("unreachable");
    }

    @Test
    void aLoopbackAddressIsRefusedWithoutAllowPrivateAndNeverConnectedTo() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of(HOST), 90)))) {
            MxProbeResult r = probe(prober(mx.port(), caFile, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()),
                    OutboundGuard.publicOnly("--allow-private")), "127.0.0.2");
            assertThat(errors(r)).containsExactly("mx-address-not-public");
            assertThat(r.findings().get(0).message()).contains("127.0.0.2 is a loopback address (allowed only with --allow-private)");
            assertThat(r.mx().starttls()).isEqualTo("not-probed");
            assertThat(mx.sessions()).isZero();
        }
    }

    @Test
    void eachAddressOfTheHostIsProbedAndJudgedOnItsOwn() throws Exception {
        try (ScriptedMx good = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of(HOST), 90)));
             ScriptedMx plain = ScriptedMx.start("127.0.0.3", good.port(), Script.plain())) {
            MxProbeResult r = probe(prober(good), "127.0.0.2", "127.0.0.3");
            assertThat(errors(r)).containsExactly("starttls-not-supported");
            assertThat(r.findings().get(0).subject()).isEqualTo(HOST + " [127.0.0.3]");
            assertThat(r.mx().addresses()).containsExactly("127.0.0.2", "127.0.0.3");
            assertThat(r.mx().probes()).extracting(p -> p.starttls()).containsExactly("offered", "not-offered");
            assertThat(r.mx().starttls()).isEqualTo("not-offered");
            assertThat(r.mx().certificate()).isNotNull();
            assertThat(good.sessions()).isEqualTo(1);
            assertThat(plain.sessions()).isEqualTo(1);
        }
    }

    @Test
    void findingsSharedByAddressesAreGivenOnceNamingThemAll() throws Exception {
        try (ScriptedMx a = ScriptedMx.start("127.0.0.2", 0, Script.plain());
             ScriptedMx b = ScriptedMx.start("127.0.0.3", a.port(), Script.plain())) {
            MxProbeResult r = probe(prober(a), "127.0.0.2", "127.0.0.3");
            assertThat(errors(r)).containsExactly("starttls-not-supported");
            assertThat(r.findings().get(0).subject()).isEqualTo(HOST + " [127.0.0.2, 127.0.0.3]");
        }
    }

    @Test
    void aCertificateNotValidYet() throws Exception {
        Instant now = Instant.now();
        TestCa.Leaf future = ca.issue(List.of(HOST), now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(90)));
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(future))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).containsExactly("certificate-not-yet-valid");
        }
    }

    @Test
    void garbageInsteadOfTlsIsAFailedHandshake() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.faulty(Fault.NOT_TLS_AFTER_STARTTLS))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).containsExactly("tls-handshake-failed");
            assertThat(r.mx().starttls()).isEqualTo("handshake-failed");
            assertThat(r.mx().certificate()).isNull();
        }
    }

    @Test
    void aResolverThatDoesNotAnswerTheTlsaQuestion() throws Exception {
        int silentPort;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            silentPort = s.getLocalPort();
        }
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.starttls(ca.issue(List.of(HOST), 90)))) {
            ProbeSettings s = ProbeSettings.defaults(ALLOW_PRIVATE, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), "probe.hub.test")
                    .withPort(mx.port()).withCaFile(caFile);
            LiveDns silent = LiveDns.using(new java.net.InetSocketAddress("127.0.0.1", silentPort), Duration.ofMillis(300));
            MxProbeResult r = new StartTlsProber(silent, s).probe(HOST, 10, List.of(InetAddress.getByName("127.0.0.2")), MxDnssec.AUTHENTICATED);
            assertThat(ids(r)).contains("tlsa-lookup-failed").doesNotContain("dnssec-invalid", "dane-inactive");
            assertThat(errors(r)).isEmpty();
            assertThat(r.mx().dane().status()).isEqualTo("unknown");
        }
    }

    @Test
    void aGreetingDrippingOneByteAtATimeEndsAtTheGreetingBound() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.faulty(Fault.DRIPPING_GREETING))) {
            ProbeSettings s = ProbeSettings.defaults(ALLOW_PRIVATE, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), "probe.hub.test")
                    .withPort(mx.port()).withGreeting(Duration.ofSeconds(1), Duration.ofMillis(500));
            MxProbeResult r = new StartTlsProber(LiveDns.using(dns.resolver(), Duration.ofSeconds(5)), s)
                    .probe(HOST, 10, List.of(InetAddress.getByName("127.0.0.2")), MxDnssec.AUTHENTICATED);
            assertThat(errors(r)).containsExactly("smtp-greeting-timeout");
        }
    }

    @Test
    void anOverlongReplyLineIsRefusedNotBuffered() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.2", 0, Script.greeting("220 " + "x".repeat(10_000)))) {
            MxProbeResult r = probe(prober(mx), "127.0.0.2");
            assertThat(errors(r)).containsExactly("smtp-protocol-error");
            assertThat(r.findings().get(0).message()).contains("longer than " + SmtpReplyReader.MAX_LINE + " bytes");
        }
    }

    @Test
    void aCaFileWithoutCertificatesIsASettingsErrorNamingIt() throws Exception {
        Path notPem = java.nio.file.Files.writeString(dir.resolve("not-a-ca.pem"), "hello");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> prober(25, notPem, new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), ALLOW_PRIVATE))
                .isInstanceOf(org.tlsrpthub.hub.config.SettingsException.class).hasMessageStartingWith("checks.ca-file: " + notPem);
    }
}
