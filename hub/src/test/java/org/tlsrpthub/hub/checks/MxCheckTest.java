package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.checks.CheckFixtures.ids;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.PolicyServer;
import org.tlsrpthub.hub.testsupport.TestCa;

/**
 * MX lookup, addresses, coverage by the policy both ways, and the outbound guard, against dnsmasq
 * and an HTTPS policy host on loopback. The prober only records what it is asked (the STARTTLS
 * prober is tested on its own).
 */
class MxCheckTest {
    /** Private, CGNAT, link-local, multicast, unspecified, and IPv6 ones (ULA, link-local, NAT64 of 10.0.0.1). */
    private static final List<String> INTERNAL = List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.169.254",
            "224.0.0.1", "0.0.0.0", "fd00::1", "fe80::1", "64:ff9b::a00:1");
    private static TestCa ca;
    private static Path caPem;
    private static PolicyServer covered;   // mx1.cover.test, *.wild.test
    private static Dnsmasq dns;

    @BeforeAll
    static void servers(@TempDir Path dir) throws Exception {
        ca = TestCa.create("MX test CA");
        caPem = CheckFixtures.caPem(ca, dir);
        // one policy host for every domain of this test: the certificate names them all
        covered = PolicyServer.serving(ca.issue(List.of("mta-sts.cover.test", "mta-sts.good.test"), 90),
                CheckFixtures.policy("enforce", 1_209_600, "mx1.cover.test", "mx9.cover.test"));
        Dnsmasq.Zone z = Dnsmasq.zone();
        CheckFixtures.good(z, "cover.test");
        CheckFixtures.good(z, "good.test");
        z.mx("null.test", ".", 0).txt("_smtp._tls.null.test", CheckFixtures.GOOD_TLSRPT);
        z.host("implicit.test", "127.0.0.20").txt("_smtp._tls.implicit.test", CheckFixtures.GOOD_TLSRPT);
        z.mx("noaddr.test", "mx.noaddr.test", 10).txt("_smtp._tls.noaddr.test", CheckFixtures.GOOD_TLSRPT)
                .txt("mx.noaddr.test", "a name without an address");
        z.mx("mixed.test", "mx.mixed.test", 10).host("mx.mixed.test", "127.0.0.30").host("mx.mixed.test", "192.0.2.30")
                .txt("_smtp._tls.mixed.test", CheckFixtures.GOOD_TLSRPT);
        // a domain whose names resolve into the hub's own networks, one address of each kind
        z.mx("internal.test", "mx.internal.test", 10).txt("_smtp._tls.internal.test", CheckFixtures.GOOD_TLSRPT);
        for (String a : INTERNAL) z.host("mx.internal.test", a);
        z.txt("_mta-sts.internal.test", CheckFixtures.GOOD_STS_RECORD).host("mta-sts.internal.test", "169.254.169.254")
                .host("mta-sts.internal.test", "100.64.0.2");
        z.mx("metadata.test", "mx.metadata.test", 10).txt("_smtp._tls.metadata.test", CheckFixtures.GOOD_TLSRPT);
        for (String a : INTERNAL) z.host("mx.metadata.test", a);
        dns = z.start();
    }

    @AfterAll
    static void stop() {
        covered.close();
        dns.close();
    }

    private static DomainCheck check(String domain, boolean allowPrivate, CheckFixtures.RecordingProber prober) {
        CheckOptions o = CheckFixtures.options(dns, covered.port(), caPem).withAllowPrivate(allowPrivate);
        return CheckFixtures.service(o, prober).check(domain);
    }

    private static DomainCheck check(String domain) {
        return check(domain, true, new CheckFixtures.RecordingProber());
    }

    @Test
    void everyMxIsProbedWithItsAddressesAndListedByPreference() {
        CheckFixtures.RecordingProber prober = new CheckFixtures.RecordingProber();
        CheckOptions o = CheckFixtures.options(dns, covered.port(), caPem);
        DomainCheck c = CheckFixtures.service(o, prober).check("Good.Test.");
        assertThat(c.domain()).isEqualTo("good.test");
        assertThat(c.mx()).extracting(MxHost::host).containsExactly("mx1.good.test", "mx2.good.test");
        assertThat(c.mx()).extracting(MxHost::preference).containsExactly(10, 20);
        assertThat(c.mx().getFirst().addresses()).containsExactly("127.0.0.11");
        assertThat(c.mx().getFirst().starttls()).isEqualTo("not-probed");
        assertThat(prober.calls).containsExactly(new CheckFixtures.RecordingProber.Call("mx1.good.test", List.of("127.0.0.11")),
                new CheckFixtures.RecordingProber.Call("mx2.good.test", List.of("127.0.0.12")));
        assertThat(c.dane().status()).isEqualTo("not-checked");
    }

    @Test
    void coverageIsCheckedBothWays() {
        DomainCheck c = check("cover.test");
        assertThat(ids(c)).containsExactlyInAnyOrder("mx-not-in-policy", "policy-pattern-unused");
        Finding notIn = c.findings().stream().filter(f -> f.id().equals("mx-not-in-policy")).findFirst().orElseThrow();
        assertThat(notIn.subject()).isEqualTo("mx2.cover.test");
        assertThat(notIn.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(notIn.message()).contains("mode enforce");
        Finding unused = c.findings().stream().filter(f -> f.id().equals("policy-pattern-unused")).findFirst().orElseThrow();
        assertThat(unused.subject()).isEqualTo("mx: mx9.cover.test");
    }

    @Test
    void aWildcardPatternCoversOneLabel() throws Exception {
        try (PolicyServer wild = PolicyServer.serving(ca.issue(List.of("mta-sts.good.test"), 90),
                CheckFixtures.policy("testing", 1_209_600, "*.good.test"))) {
            CheckOptions o = CheckFixtures.options(dns, wild.port(), caPem);
            DomainCheck c = CheckFixtures.service(o, new CheckFixtures.RecordingProber()).check("good.test");
            assertThat(ids(c)).containsExactly("sts-mode-testing");
        }
    }

    @Test
    void aNullMxIsReportedAsSuch() {
        DomainCheck c = check("null.test");
        assertThat(ids(c)).containsExactlyInAnyOrder("mx-null", "mta-sts-record-missing");
        assertThat(c.mx()).isEmpty();
        assertThat(c.findings().stream().filter(f -> f.id().equals("mx-null")).findFirst().orElseThrow().severity())
                .isEqualTo(FindingSeverity.INFO);
    }

    @Test
    void noMxMeansTheDomainItselfIsTheMx() {
        CheckFixtures.RecordingProber prober = new CheckFixtures.RecordingProber();
        DomainCheck c = check("implicit.test", true, prober);
        assertThat(ids(c)).containsExactlyInAnyOrder("mx-implicit", "mta-sts-record-missing");
        assertThat(c.mx()).extracting(MxHost::host).containsExactly("implicit.test");
        assertThat(prober.calls).extracting(CheckFixtures.RecordingProber.Call::addresses).containsExactly(List.of("127.0.0.20"));
    }

    @Test
    void anMxWithoutAddressIsAFindingAndIsNotProbed() {
        CheckFixtures.RecordingProber prober = new CheckFixtures.RecordingProber();
        DomainCheck c = check("noaddr.test", true, prober);
        assertThat(ids(c)).containsExactlyInAnyOrder("mx-no-address", "mta-sts-record-missing");
        assertThat(c.mx().getFirst().starttls()).isEqualTo("no-address");
        assertThat(prober.calls).isEmpty();
    }

    @Test
    void aDomainThatDoesNotExistIsSaidSo() {
        DomainCheck c = check("nowhere.test");
        assertThat(ids(c)).containsExactlyInAnyOrder("tlsrpt-record-missing", "mta-sts-record-missing", "domain-not-found");
    }

    @Test
    void aBadDomainNameIsAFindingAndNothingIsLookedUp() {
        for (String bad : List.of("not a domain", "-bad-.test", "localhost", "a..test", "")) {
            DomainCheck c = check(bad);
            assertThat(ids(c)).as(bad).containsExactly("domain-invalid");
            assertThat(c.hasErrors()).isTrue();
        }
        assertThat(ids(check("good.test"))).doesNotContain("domain-invalid");
    }

    @Test
    void aResolverThatDoesNotAnswerGivesFindingsNotAHang() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CheckOptions o = new CheckOptions((InetSocketAddress) silent.getLocalSocketAddress(), 25, 443, CaFile.NONE, true, 21,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500), CheckFixtures.HUB);
            DomainCheck c = CheckFixtures.service(o, new CheckFixtures.RecordingProber()).check("good.test");
            assertThat(ids(c)).containsExactly("dns-lookup-failed", "dns-lookup-failed", "dns-lookup-failed");
            assertThat(c.findings()).extracting(Finding::subject)
                    .containsExactly("_smtp._tls.good.test TXT", "_mta-sts.good.test TXT", "good.test MX");
            assertThat(c.findings().getFirst().message()).contains("did not answer");
        }
    }

    @Test
    void loopbackTargetsAreRefusedWithoutAllowPrivate() {
        CheckFixtures.RecordingProber prober = new CheckFixtures.RecordingProber();
        DomainCheck c = check("good.test", false, prober);
        assertThat(c.findings()).filteredOn(f -> f.id().equals("target-refused")).extracting(Finding::subject)
                .containsExactly("127.0.0.1", "127.0.0.11", "127.0.0.12");
        assertThat(c.findings()).filteredOn(f -> f.id().equals("target-refused")).first()
                .extracting(Finding::message).asString().contains("mta-sts.good.test", "loopback", "checks.allow-private");
        assertThat(ids(c)).containsOnly("target-refused");
        assertThat(c.mtaSts().policyStatus()).isEqualTo("not-fetched");
        assertThat(c.mx()).extracting(MxHost::starttls).containsOnly("not-probed");
        assertThat(prober.calls).isEmpty();
    }

    @Test
    void withAllowPrivateNothingIsRefused() throws Exception {
        try (PolicyServer good = PolicyServer.serving(ca.issue(List.of("mta-sts.good.test"), 90), CheckFixtures.goodPolicy("good.test"))) {
            CheckFixtures.RecordingProber prober = new CheckFixtures.RecordingProber();
            CheckOptions o = CheckFixtures.options(dns, good.port(), caPem).withAllowPrivate(true);
            DomainCheck c = CheckFixtures.service(o, prober).check("good.test");
            assertThat(c.findings()).isEmpty();
            assertThat(c.mtaSts().policyStatus()).isEqualTo("valid");
            assertThat(prober.calls).hasSize(2);
        }
    }

    @Test
    void onlyTheAllowedAddressesOfAnMxAreProbedButAllAreListed() {
        CheckFixtures.RecordingProber prober = new CheckFixtures.RecordingProber();
        DomainCheck c = check("mixed.test", false, prober);
        assertThat(c.findings()).filteredOn(f -> f.id().equals("target-refused")).extracting(Finding::subject).containsExactly("127.0.0.30");
        assertThat(prober.calls).containsExactly(new CheckFixtures.RecordingProber.Call("mx.mixed.test", List.of("192.0.2.30")));
        assertThat(c.mx().getFirst().addresses()).containsExactlyInAnyOrder("127.0.0.30", "192.0.2.30");
    }

    @Test
    void everyInternalKindOfAddressIsRefusedAfterResolutionAndNothingIsConnected() {
        CheckFixtures.RecordingProber prober = new CheckFixtures.RecordingProber();
        DomainCheck c = check("internal.test", false, prober);
        List<Finding> refused = c.findings().stream().filter(f -> f.id().equals("target-refused")).toList();
        // every address of the MX host and of the policy host, each named with why
        assertThat(refused).extracting(Finding::subject).containsExactlyInAnyOrder("10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1",
                "169.254.169.254", "224.0.0.1", "0.0.0.0", "fd00:0:0:0:0:0:0:1", "fe80:0:0:0:0:0:0:1", "64:ff9b:0:0:0:0:a00:1",
                "169.254.169.254", "100.64.0.2");
        assertThat(refused).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("100.64.0.1 is a carrier-grade NAT address"))
                .anySatisfy(m -> assertThat(m).contains("169.254.169.254 is a link-local address"))
                .anySatisfy(m -> assertThat(m).contains("224.0.0.1 is a multicast address, never a server"))
                .anySatisfy(m -> assertThat(m).contains("mx.internal.test resolves to 64:ff9b:0:0:0:0:a00:1", "a private-network address"))
                .anySatisfy(m -> assertThat(m).contains("mta-sts.internal.test resolves to 100.64.0.2"));
        assertThat(prober.calls).isEmpty();
        assertThat(c.mx().getFirst().starttls()).isEqualTo("not-probed");
        assertThat(c.mx().getFirst().addresses()).hasSize(INTERNAL.size());
        assertThat(c.mtaSts().policyStatus()).isEqualTo("not-fetched");
        assertThat(c.hasErrors()).isTrue();
    }

    @Test
    void allowPrivateLetsInternalAddressesThroughButNeverMulticastOrUnspecified() {
        // no MTA-STS here: with private targets allowed the policy fetch would connect, and tests reach loopback only
        CheckFixtures.RecordingProber prober = new CheckFixtures.RecordingProber();
        DomainCheck c = check("metadata.test", true, prober);
        assertThat(c.findings()).filteredOn(f -> f.id().equals("target-refused")).extracting(Finding::subject)
                .containsExactlyInAnyOrder("224.0.0.1", "0.0.0.0");
        assertThat(prober.calls).singleElement().satisfies(call -> {
            assertThat(call.host()).isEqualTo("mx.metadata.test");
            assertThat(call.addresses()).containsExactlyInAnyOrder("10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.169.254",
                    "fd00:0:0:0:0:0:0:1", "fe80:0:0:0:0:0:0:1", "64:ff9b:0:0:0:0:a00:1");
        });
    }
}
