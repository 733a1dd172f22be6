package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.checks.domain.TlsRptRecordCheck;
import org.tlsrpthub.hub.testsupport.Dnsmasq;

/** The TLS-RPT record against a real DNS server on loopback (dnsmasq) serving one zone for all cases. */
class TlsRptRecordCheckTest {
    private static Dnsmasq dns;

    @BeforeAll
    static void zone() throws Exception {
        dns = Dnsmasq.zone()
                .txt("_smtp._tls.good.test", CheckFixtures.GOOD_TLSRPT)
                .txt("_smtp._tls.good.test", "some other TXT record")
                .txt("_smtp._tls.https.test", "v=TLSRPTv1; rua=https://hub.test/tlsrpt/")
                .txt("_smtp._tls.target.test", CheckFixtures.GOOD_TLSRPT)
                .cname("_smtp._tls.alias.test", "_smtp._tls.target.test")
                .txt("_smtp._tls.broken.test", "v=TLSRPTv1; ruaa=mailto:x@y.test")
                .txt("_smtp._tls.twice.test", "v=TLSRPTv1; rua=mailto:a@twice.test")
                .txt("_smtp._tls.twice.test", "v=TLSRPTv1; rua=mailto:b@twice.test")
                .txt("_smtp._tls.elsewhere.test", "v=TLSRPTv1; rua=mailto:reports@vendor.test")
                .txt("_smtp._tls.domainwide.test", "v=TLSRPTv1; rua=mailto:anything@reports.hub.test")
                .txt("_smtp._tls.sloppy.test", "v=TLSRPTv1 ; rua=mailto:tlsrpt@hub.test")
                .host("missing.test", "127.0.0.1")
                .start();
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static TlsRptRecordCheck.Result check(String domain) {
        return check(domain, CheckFixtures.HUB);
    }

    private static TlsRptRecordCheck.Result check(String domain, HubDestinations hub) {
        return new TlsRptRecordCheck(LiveDns.using(dns.address(), Duration.ofSeconds(2)), hub).check(domain);
    }

    private static List<String> ids(TlsRptRecordCheck.Result r) {
        return r.findings().stream().map(Finding::id).toList();
    }

    @Test
    void oneValidRecordReachingTheHubHasNoFinding() {
        TlsRptRecordCheck.Result r = check("good.test");
        assertThat(r.findings()).isEmpty();
        assertThat(r.state().status()).isEqualTo("valid");
        assertThat(r.state().reachesHub()).isTrue();
        assertThat(r.state().rua()).containsExactly("mailto:tlsrpt@hub.test");
        assertThat(r.state().records()).hasSize(2);
        assertThat(r.state().publish()).isNull();
    }

    @Test
    void aToleratedDeviationIsANote() {
        TlsRptRecordCheck.Result r = check("sloppy.test");
        assertThat(ids(r)).containsExactly("tlsrpt-record-warning");
        assertThat(r.findings().getFirst().severity()).isEqualTo(FindingSeverity.INFO);
        assertThat(r.state().reachesHub()).isTrue();
        assertThat(ids(check("good.test"))).doesNotContain("tlsrpt-record-warning");
    }

    @Test
    void anHttpsRuaReachesTheHubThroughItsPublicUrl() {
        TlsRptRecordCheck.Result r = check("https.test");
        assertThat(r.findings()).isEmpty();
        assertThat(r.state().reachesHub()).isTrue();
    }

    @Test
    void aRecipientDomainCoversEveryAddressInIt() {
        HubDestinations byDomain = new HubDestinations(List.of(), List.of("reports.hub.test"), List.of());
        assertThat(check("domainwide.test", byDomain).state().reachesHub()).isTrue();
        assertThat(ids(check("domainwide.test", CheckFixtures.HUB))).containsExactly("tlsrpt-rua-elsewhere");
    }

    @Test
    void aCnameIsFollowed() {
        TlsRptRecordCheck.Result r = check("alias.test");
        assertThat(r.findings()).isEmpty();
        assertThat(r.state().status()).isEqualTo("valid");
    }

    @Test
    void aMissingRecordIsAFindingWithTheRecordToPublish() {
        TlsRptRecordCheck.Result r = check("missing.test");
        assertThat(ids(r)).containsExactly("tlsrpt-record-missing");
        assertThat(r.findings().getFirst().severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(r.state().status()).isEqualTo("missing");
        assertThat(r.state().publish())
                .isEqualTo("_smtp._tls.missing.test. IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@hub.test,https://hub.test/tlsrpt\"");
        assertThat(r.findings().getFirst().fix()).contains(r.state().publish());
    }

    @Test
    void aMalformedRecordIsInvalidAndSaysWhere() {
        TlsRptRecordCheck.Result r = check("broken.test");
        assertThat(ids(r)).containsExactly("tlsrpt-record-invalid");
        assertThat(r.state().status()).isEqualTo("invalid");
        assertThat(r.findings().getFirst().message()).contains("rua=", "ruaa=");
    }

    @Test
    void twoRecordsAreInvalid() {
        TlsRptRecordCheck.Result r = check("twice.test");
        assertThat(ids(r)).containsExactly("tlsrpt-record-invalid");
        assertThat(r.state().status()).isEqualTo("multiple");
        assertThat(r.findings().getFirst().message()).contains("2 TXT records");
    }

    @Test
    void aRuaElsewhereKeepsItAndAddsTheHubInTheRecordToPublish() {
        TlsRptRecordCheck.Result r = check("elsewhere.test");
        assertThat(ids(r)).containsExactly("tlsrpt-rua-elsewhere");
        assertThat(r.findings().getFirst().severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(r.state().reachesHub()).isFalse();
        assertThat(r.state().publish()).contains("rua=mailto:reports@vendor.test,mailto:tlsrpt@hub.test,https://hub.test/tlsrpt");
    }

    @Test
    void withoutTheHubsOwnAddressesReachingTheHubIsUnknown() {
        TlsRptRecordCheck.Result r = check("elsewhere.test", HubDestinations.none());
        assertThat(ids(r)).containsExactly("hub-destinations-unknown");
        assertThat(ids(check("good.test"))).doesNotContain("hub-destinations-unknown");
    }

    @Test
    void aResolverThatRefusesIsADnsFinding() {
        TlsRptRecordCheck.Result r = check("outside.invalid");
        assertThat(ids(r)).containsExactly("dns-lookup-failed");
        assertThat(r.findings().getFirst().message()).contains("_smtp._tls.outside.invalid", "REFUSED");
        assertThat(r.state().status()).isEqualTo("lookup-failed");
    }
}
