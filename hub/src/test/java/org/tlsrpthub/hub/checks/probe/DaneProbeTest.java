package org.tlsrpthub.hub.checks.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckService;
import org.tlsrpthub.hub.checks.DaneState;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.HubDestinations;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.checks.MxDnssec;
import org.tlsrpthub.hub.checks.MxProbeResult;
import org.tlsrpthub.hub.net.OutboundGuard;
import org.tlsrpthub.hub.testsupport.ScriptedMx;
import org.tlsrpthub.hub.testsupport.ScriptedMx.Script;
import org.tlsrpthub.hub.testsupport.SignedZone;
import org.tlsrpthub.hub.testsupport.SignedZone.Signing;
import org.tlsrpthub.hub.testsupport.SignedZone.Zone;
import org.tlsrpthub.hub.testsupport.TestCa;

/**
 * DANE against real DNSSEC: zones signed with ldns-signzone, served by Knot, validated by Unbound
 * holding the test trust anchors; TLSA matched against what real listeners present.
 */
class DaneProbeTest {
    @TempDir static Path dir;
    static SignedZone dns;
    static TestCa ca;
    static Path caFile;
    static TestCa.Leaf ee, ta, other, plain, bogus;

    @BeforeAll
    static void start() throws Exception {
        ca = TestCa.create("DANE Test CA");
        caFile = ca.writePem(dir.resolve("ca.pem"));
        ee = ca.issue(List.of("mx-ee.dane.test"), 90);
        ta = ca.issue(List.of("mx-ta.dane.test"), 90);
        other = ca.issue(List.of("mx-bad.dane.test"), 90);
        plain = ca.issue(List.of("mx.plain.test"), 90);
        bogus = ca.issue(List.of("mx.bogus.test"), 90);
        TestCa unrelated = TestCa.create("Another CA");
        dns = SignedZone.start(dir, List.of(
                new Zone("dane.test", List.of(
                        "_25._tcp.mx-ee TLSA 3 1 1 " + sha256(ee.certificate().getPublicKey().getEncoded()),
                        "_25._tcp.mx-ta TLSA 2 0 1 " + sha256(ca.certificate().getEncoded()),
                        "_25._tcp.mx-bad TLSA 3 1 1 " + sha256(unrelated.certificate().getPublicKey().getEncoded()),
                        "_25._tcp.mx-bad TLSA 2 0 1 " + sha256(unrelated.certificate().getEncoded()),
                        "_25._tcp.mx-pkix TLSA 1 1 1 " + sha256(ee.certificate().getPublicKey().getEncoded()),
                        // whole checks: MX and address in the signed zone; an address reached through the unsigned one
                        "@ MX 10 mx-ee", "mx-ee A 127.0.0.4",
                        "addr MX 10 mx-cname", "mx-cname CNAME mx.plain.test.",
                        "_25._tcp.mx-cname TLSA 3 1 1 " + sha256(ee.certificate().getPublicKey().getEncoded())),
                        Signing.VALID),
                new Zone("plain.test", List.of("_25._tcp.mx TLSA 3 1 1 " + sha256(plain.certificate().getPublicKey().getEncoded()),
                        "mx A 127.0.0.4", "@ MX 10 mx-ee.dane.test."),
                        Signing.NONE),
                new Zone("bogus.test", List.of("_25._tcp.mx TLSA 3 1 1 " + sha256(bogus.certificate().getPublicKey().getEncoded())),
                        Signing.EXPIRED)));
    }

    @AfterAll
    static void stop() throws Exception {
        dns.close();
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static MxProbeResult probe(String host, TestCa.Leaf leaf) throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.4", 0, Script.starttls(leaf))) {
            ProbeSettings s = ProbeSettings.defaults(new OutboundGuard(true, "--allow-private"),
                    new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), "probe.hub.test").withPort(mx.port()).withCaFile(caFile);
            return new StartTlsProber(LiveDns.using(dns.resolver(), Duration.ofSeconds(5)), s)
                    .probe(host, 10, List.of(InetAddress.getByName("127.0.0.4")), MxDnssec.AUTHENTICATED);
        }
    }

    static List<String> ids(MxProbeResult r) {
        return r.findings().stream().map(Finding::id).toList();
    }

    @Test
    void usage3MatchingTheServersKeyMakesDaneActive() throws Exception {
        MxProbeResult r = probe("mx-ee.dane.test", ee);
        assertThat(r.mx().dane().status()).isEqualTo("active");
        assertThat(r.mx().dane().authenticated()).isTrue();
        assertThat(r.mx().dane().matches()).isTrue();
        assertThat(r.mx().dane().tlsa()).singleElement().asString().startsWith("3 1 1 ");
        assertThat(ids(r)).doesNotContain("tlsa-invalid", "dnssec-invalid", "dane-inactive", "tlsa-unusable");
        assertThat(r.findings()).noneMatch(f -> f.severity() == FindingSeverity.ERROR);
        assertThat(DaneState.of(List.of(r.mx())).status()).isEqualTo("active");
    }

    @Test
    void usage2MatchingTheIssuerInTheChainMakesDaneActive() throws Exception {
        MxProbeResult r = probe("mx-ta.dane.test", ta);
        assertThat(r.mx().dane().status()).isEqualTo("active");
        assertThat(ids(r)).doesNotContain("tlsa-invalid", "dnssec-invalid");
    }

    @Test
    void authenticatedTlsaThatMatchesNothingIsTlsaInvalid() throws Exception {
        MxProbeResult r = probe("mx-bad.dane.test", other);
        assertThat(ids(r)).contains("tlsa-invalid");
        Finding f = r.findings().stream().filter(x -> x.id().equals("tlsa-invalid")).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(f.subject()).isEqualTo("_25._tcp.mx-bad.dane.test TLSA");
        assertThat(r.mx().dane().status()).isEqualTo("invalid");
        assertThat(DaneState.of(List.of(r.mx())).status()).isEqualTo("invalid");
    }

    @Test
    void tlsaWithOnlyPkixUsagesIsUnusableForSmtp() throws Exception {
        MxProbeResult r = probe("mx-pkix.dane.test", ee);
        assertThat(ids(r)).contains("tlsa-unusable").doesNotContain("tlsa-invalid");
        assertThat(r.mx().dane().status()).isEqualTo("unusable");
    }

    @Test
    void aSignedZoneWithoutTlsaIsInactiveInformationOnly() throws Exception {
        MxProbeResult r = probe("mx-ee.dane.test", ee);
        MxProbeResult none = probe("mx-none.dane.test", ca.issue(List.of("mx-none.dane.test"), 90));
        assertThat(ids(none)).contains("dane-inactive");
        assertThat(none.mx().dane().authenticated()).isTrue();
        assertThat(DaneState.of(List.of(r.mx(), none.mx())).status()).isEqualTo("partial");
    }

    @Test
    void tlsaInAnUnsignedZoneIsIgnoredAsSendersDo() throws Exception {
        MxProbeResult r = probe("mx.plain.test", plain);
        Finding f = r.findings().stream().filter(x -> x.id().equals("dane-inactive")).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(FindingSeverity.INFO);
        assertThat(f.message()).contains("not signed");
        assertThat(r.mx().dane().status()).isEqualTo("inactive");
        assertThat(r.mx().dane().authenticated()).isFalse();
        assertThat(ids(r)).doesNotContain("tlsa-invalid", "dnssec-invalid");
        DaneState state = DaneState.of(List.of(r.mx()));
        assertThat(state.status()).isEqualTo("inactive");
        assertThat(state.summary()).isEqualTo("DANE inactive: not signed");
    }

    /** The whole check: DANE needs the MX and address answers authenticated too (RFC 7672 §2.2), not only the TLSA answer. */
    @Test
    void daneIsInactiveWhenTheMxOrAddressLookupIsNotAuthenticated() throws Exception {
        try (ScriptedMx mx = ScriptedMx.start("127.0.0.4", 0, Script.starttls(ee))) {
            CheckOptions o = new CheckOptions(dns.resolver(), mx.port(), 443, caFile, true, 21, Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(5), new HubDestinations(List.of("tlsrpt@hub.test"), List.of(), List.of()));
            CheckService service = new CheckService(o, new StartTlsProber(o.dns(), ProbeSettings.from(o,
                    new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), "probe.hub.test", Clock.systemUTC())), Clock.systemUTC());

            DomainCheck signed = service.check("dane.test");
            assertThat(signed.mx()).singleElement().satisfies(h -> assertThat(h.dane().status()).isEqualTo("active"));
            assertThat(signed.dane().status()).isEqualTo("active");

            DomainCheck unsignedMx = service.check("plain.test");
            assertThat(unsignedMx.mx()).singleElement().satisfies(h -> {
                assertThat(h.host()).isEqualTo("mx-ee.dane.test");
                assertThat(h.dane().status()).isEqualTo("inactive");
                assertThat(h.dane().tlsa()).singleElement().asString().startsWith("3 1 1 ");
            });
            assertThat(unsignedMx.dane().status()).isEqualTo("inactive");
            assertThat(dane(unsignedMx).message()).isEqualTo("DANE inactive: the MX lookup of plain.test is not DNSSEC-authenticated,"
                    + " so senders ignore the TLSA records at _25._tcp.mx-ee.dane.test (RFC 7672 §2.2)");
            assertThat(unsignedMx.findings()).extracting(Finding::id).doesNotContain("tlsa-invalid", "dnssec-invalid");

            DomainCheck unsignedAddress = service.check("addr.dane.test");
            assertThat(unsignedAddress.dane().status()).isEqualTo("inactive");
            assertThat(dane(unsignedAddress).message()).startsWith(
                    "DANE inactive: the address lookup of mx-cname.dane.test is not DNSSEC-authenticated, so senders ignore");
        }
    }

    private static Finding dane(DomainCheck c) {
        return c.findings().stream().filter(f -> f.id().equals("dane-inactive")).findFirst().orElseThrow();
    }

    @Test
    void expiredSignaturesAreDnssecInvalid() throws Exception {
        MxProbeResult r = probe("mx.bogus.test", bogus);
        Finding f = r.findings().stream().filter(x -> x.id().equals("dnssec-invalid")).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(f.message()).contains("SERVFAIL");
        assertThat(r.mx().dane().status()).isEqualTo("invalid");
        assertThat(ids(r)).doesNotContain("dane-inactive");
        assertThat(DaneState.of(List.<MxHost>of(r.mx())).status()).isEqualTo("invalid");
    }
}
