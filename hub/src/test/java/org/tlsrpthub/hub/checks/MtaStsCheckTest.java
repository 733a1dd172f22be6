package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.checks.CheckFixtures.goodPolicy;
import static org.tlsrpthub.hub.checks.CheckFixtures.ids;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.GarbageServer;
import org.tlsrpthub.hub.testsupport.PolicyServer;
import org.tlsrpthub.hub.testsupport.TestCa;

/**
 * The MTA-STS record and the policy fetch against real servers on loopback: dnsmasq for the zone,
 * Jetty over HTTPS with certificates from a test CA for the policy host.
 */
class MtaStsCheckTest {
    private static final String D = "sts.test";
    private static TestCa ca;
    private static TestCa.Leaf valid;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCa.create("Live check test CA");
        valid = ca.issue(List.of("mta-sts." + D), 90);
    }

    private DomainCheck check(PolicyServer server) throws Exception {
        return check(CheckFixtures.good(Dnsmasq.zone(), D), server.port(), Duration.ofSeconds(10));
    }

    private DomainCheck check(Dnsmasq.Zone zone, int port, Duration readTimeout) throws Exception {
        try (Dnsmasq dns = zone.start()) {
            CheckOptions o = CheckFixtures.options(dns, port, CheckFixtures.caPem(ca, dir)).withTimeouts(Duration.ofSeconds(5), readTimeout);
            return CheckFixtures.service(o, new CheckFixtures.RecordingProber()).check(D);
        }
    }

    private static Finding only(DomainCheck c, String id) {
        assertThat(c.findings().stream().filter(f -> f.id().equals(id))).as(c.findings().toString()).hasSize(1);
        return c.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Also shows that the fetch connects to the address the check's own resolver gave: the JVM's
     * resolver does not know mta-sts.sts.test, so a second lookup there would have failed.
     */
    @Test
    void aWellConfiguredDomainHasNoFindingAtAll() throws Exception {
        try (PolicyServer s = PolicyServer.serving(valid, goodPolicy(D))) {
            DomainCheck c = check(s);
            assertThat(c.findings()).isEmpty();
            assertThat(c.hasErrors()).isFalse();
            MtaStsState m = c.mtaSts();
            assertThat(m.recordStatus()).isEqualTo("valid");
            assertThat(m.id()).isEqualTo("20261202a");
            assertThat(m.policyStatus()).isEqualTo("valid");
            assertThat(m.mode()).isEqualTo("enforce");
            assertThat(m.maxAge()).isEqualTo(1_209_600L);
            assertThat(m.mx()).containsExactly("mx1." + D, "mx2." + D);
            assertThat(m.policyUrl()).isEqualTo("https://mta-sts." + D + ":" + s.port() + "/.well-known/mta-sts.txt");
        }
    }

    @Test
    void aMissingOrBrokenRecordIsAFindingAndNoPolicyIsFetched() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (PolicyServer s = PolicyServer.start(valid, ctx -> {
            asked.incrementAndGet();
            ctx.contentType("text/plain").result(goodPolicy(D));
        })) {
            DomainCheck missing = check(CheckFixtures.goodMx(Dnsmasq.zone(), D).txt("_smtp._tls." + D, CheckFixtures.GOOD_TLSRPT)
                    .host("mta-sts." + D, "127.0.0.1"), s.port(), Duration.ofSeconds(10));
            assertThat(ids(missing)).containsExactly("mta-sts-record-missing");
            assertThat(missing.mtaSts().policyStatus()).isEqualTo("not-fetched");
            DomainCheck broken = check(CheckFixtures.goodMx(Dnsmasq.zone(), D).txt("_mta-sts." + D, "v=STSv1; id=not-alnum!;")
                    .host("mta-sts." + D, "127.0.0.1").txt("_smtp._tls." + D, CheckFixtures.GOOD_TLSRPT), s.port(), Duration.ofSeconds(10));
            assertThat(ids(broken)).containsExactly("mta-sts-record-invalid");
            assertThat(broken.mtaSts().recordStatus()).isEqualTo("invalid");
            DomainCheck twice = check(CheckFixtures.goodMx(Dnsmasq.zone(), D).txt("_mta-sts." + D, "v=STSv1; id=1;")
                    .txt("_mta-sts." + D, "v=STSv1; id=2;").txt("_smtp._tls." + D, CheckFixtures.GOOD_TLSRPT), s.port(), Duration.ofSeconds(10));
            assertThat(ids(twice)).containsExactly("mta-sts-record-invalid");
            assertThat(twice.mtaSts().recordStatus()).isEqualTo("multiple");
            assertThat(asked).hasValue(0);
        }
    }

    @Test
    void anExpiredCertificateIsNotValidForSenders() throws Exception {
        TestCa.Leaf expired = ca.issue(List.of("mta-sts." + D), Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(1)));
        try (PolicyServer s = PolicyServer.serving(expired, goodPolicy(D))) {
            DomainCheck c = check(s);
            assertThat(only(c, "sts-webpki-invalid").message()).contains("expired on");
            assertThat(c.mtaSts().policyStatus()).isEqualTo("webpki-invalid");
            assertThat(c.hasErrors()).isTrue();
        }
    }

    @Test
    void aCertificateForAnotherNameIsNotValidForSenders() throws Exception {
        try (PolicyServer s = PolicyServer.serving(ca.issue(List.of("www." + D), 90), goodPolicy(D))) {
            assertThat(only(check(s), "sts-webpki-invalid").message()).contains("it is for www." + D + ", not mta-sts." + D);
        }
    }

    @Test
    void aSelfSignedCertificateIsNotTrusted() throws Exception {
        try (PolicyServer s = PolicyServer.serving(TestCa.selfSigned("mta-sts." + D, 90), goodPolicy(D))) {
            assertThat(only(check(s), "sts-webpki-invalid").message()).contains("not issued by a CA in the JDK trust store and");
        }
    }

    @Test
    void withoutTheCaFileTheTestCaIsNotTrusted() throws Exception {
        try (PolicyServer s = PolicyServer.serving(valid, goodPolicy(D)); Dnsmasq dns = CheckFixtures.good(Dnsmasq.zone(), D).start()) {
            CheckOptions o = CheckFixtures.options(dns, s.port(), null);
            DomainCheck c = CheckFixtures.service(o, new CheckFixtures.RecordingProber()).check(D);
            assertThat(only(c, "sts-webpki-invalid").message()).contains("not issued by a CA in the JDK trust store (");
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        AtomicInteger followed = new AtomicInteger();
        try (PolicyServer s = PolicyServer.start(valid, ctx -> ctx.redirect("/moved.txt", io.javalin.http.HttpStatus.MOVED_PERMANENTLY))
                .also("/moved.txt", ctx -> {
                    followed.incrementAndGet();
                    ctx.contentType("text/plain").result(goodPolicy(D));
                })) {
            DomainCheck c = check(s);
            assertThat(only(c, "sts-policy-fetch-error").message()).contains("301", "redirect to /moved.txt", "do not follow redirects");
            assertThat(c.mtaSts().policyStatus()).isEqualTo("fetch-error");
            assertThat(followed).hasValue(0);
        }
    }

    @Test
    void aNotFoundIsAFetchError() throws Exception {
        try (PolicyServer s = PolicyServer.start(valid, ctx -> ctx.status(404).result("no"))) {
            assertThat(only(check(s), "sts-policy-fetch-error").message()).contains("answered 404");
        }
    }

    @Test
    void anotherContentTypeIsAFetchError() throws Exception {
        try (PolicyServer s = PolicyServer.start(valid, ctx -> ctx.contentType("text/html").result(goodPolicy(D)))) {
            assertThat(only(check(s), "sts-policy-fetch-error").message()).contains("'text/html'", "requires text/plain");
        }
    }

    @Test
    void aTextPlainWithACharsetIsFine() throws Exception {
        try (PolicyServer s = PolicyServer.start(valid, ctx -> ctx.contentType("text/plain; charset=utf-8").result(goodPolicy(D)))) {
            assertThat(check(s).findings()).isEmpty();
        }
    }

    @Test
    void aPolicyLargerThan64KiBIsRefusedWithOrWithoutALength() throws Exception {
        String big = goodPolicy(D) + "x".repeat(70 * 1024);
        try (PolicyServer s = PolicyServer.start(valid, ctx -> ctx.contentType("text/plain").result(big))) {
            assertThat(only(check(s), "sts-policy-fetch-error").message()).contains("larger than 64 KiB");
        }
        try (PolicyServer s = PolicyServer.start(valid, ctx -> ctx.contentType("text/plain")
                .result(new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.US_ASCII))))) {
            assertThat(only(check(s), "sts-policy-fetch-error").message()).contains("larger than 64 KiB");
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsCutOffAtTheReadTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (PolicyServer s = PolicyServer.start(valid, ctx -> {
            release.await();
            ctx.contentType("text/plain").result(goodPolicy(D));
        })) {
            DomainCheck c = check(CheckFixtures.good(Dnsmasq.zone(), D), s.port(), Duration.ofSeconds(1));
            release.countDown();
            assertThat(only(c, "sts-policy-fetch-error").message()).contains("did not answer within 1 s");
        } finally {
            release.countDown();
        }
    }

    @Test
    void anInvalidPolicyIsStsPolicyInvalid() throws Exception {
        try (PolicyServer s = PolicyServer.serving(valid, "version: STSv1\nmode: enforcing\nmax_age: 86400\n")) {
            DomainCheck c = check(s);
            assertThat(only(c, "sts-policy-invalid").message()).contains("mode is 'enforcing'");
            assertThat(c.mtaSts().policyStatus()).isEqualTo("invalid");
            assertThat(c.mtaSts().policy()).startsWith("version: STSv1");
        }
    }

    @Test
    void testingModeShortMaxAgeAndToleratedDeviationsAreReported() throws Exception {
        String text = CheckFixtures.policy("testing", 3600, "mx1." + D, "mx2." + D) + "\r\nflavour: vanilla\r\n";
        try (PolicyServer s = PolicyServer.serving(valid, text)) {
            DomainCheck c = check(s);
            assertThat(ids(c)).containsExactlyInAnyOrder("sts-policy-warning", "sts-mode-testing", "sts-max-age-short");
            assertThat(c.hasErrors()).isFalse();
        }
        try (PolicyServer s = PolicyServer.serving(valid, CheckFixtures.policy("none", 86_400 * 30))) {
            assertThat(ids(check(s))).containsExactly("sts-mode-none");
        }
    }

    @Test
    void aPolicyHostWithoutAddressOrNotListeningIsAFetchError() throws Exception {
        DomainCheck noAddress = check(CheckFixtures.goodMx(Dnsmasq.zone(), D).txt("_smtp._tls." + D, CheckFixtures.GOOD_TLSRPT)
                .txt("_mta-sts." + D, CheckFixtures.GOOD_STS_RECORD), 443, Duration.ofSeconds(5));
        assertThat(only(noAddress, "sts-policy-fetch-error").message()).contains("has no A or AAAA record");
        int closedPort;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = ss.getLocalPort();
        }
        DomainCheck closed = check(CheckFixtures.good(Dnsmasq.zone(), D), closedPort, Duration.ofSeconds(5));
        assertThat(only(closed, "sts-policy-fetch-error").message()).contains("accepted a connection", "127.0.0.1");
    }

    @Test
    void garbageInsteadOfTlsOrHttpIsAFetchErrorNotACrash() throws Exception {
        try (GarbageServer plain = GarbageServer.plain()) {
            DomainCheck c = check(CheckFixtures.good(Dnsmasq.zone(), D), plain.port(), Duration.ofSeconds(5));
            assertThat(only(c, "sts-policy-fetch-error").message()).contains("TLS handshake");
        }
        try (GarbageServer tls = GarbageServer.tls(valid)) {
            DomainCheck c = check(CheckFixtures.good(Dnsmasq.zone(), D), tls.port(), Duration.ofSeconds(5));
            assertThat(only(c, "sts-policy-fetch-error").message()).contains("is not HTTP");
        }
    }
}
