package org.tlsrpthub.hub.checks.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.checks.DaneState;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.MxDnssec;
import org.tlsrpthub.hub.checks.MxProbeResult;
import org.tlsrpthub.hub.net.OutboundGuard;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.Postfix;
import org.tlsrpthub.hub.testsupport.SignedZone;
import org.tlsrpthub.hub.testsupport.SignedZone.Signing;
import org.tlsrpthub.hub.testsupport.SignedZone.Zone;
import org.tlsrpthub.hub.testsupport.TestCa;

/** The probe against a real MTA (Debian's Postfix) with a valid certificate and DANE: nothing wrong is found. */
class PostfixProbeTest {
    @TempDir Path dir;

    @Test
    void aWellConfiguredPostfixWithDaneHasNoErrorFindings() throws Exception {
        TestCa ca = TestCa.create("Postfix Test CA");
        Path caFile = ca.writePem(dir.resolve("ca.pem"));
        TestCa.Leaf leaf = ca.issue(List.of("mx.dane.test"), 90);
        String tlsa = "_25._tcp.mx TLSA 3 1 1 " + DaneProbeTest.sha256(leaf.certificate().getPublicKey().getEncoded());
        try (SignedZone dns = SignedZone.start(Files.createDirectories(dir.resolve("dns")), List.of(new Zone("dane.test", List.of(tlsa), Signing.VALID)));
             Postfix postfix = Postfix.start(Files.createDirectories(dir.resolve("postfix")), "127.0.0.5", "mx.dane.test", leaf)) {
            ProbeSettings s = ProbeSettings.defaults(new OutboundGuard(true, "--allow-private"),
                    new AddressRateLimiter(Duration.ZERO, Clock.systemUTC()), "probe.hub.test").withPort(postfix.port()).withCaFile(caFile);
            MxProbeResult r = new StartTlsProber(LiveDns.using(dns.resolver(), Duration.ofSeconds(5)), s)
                    .probe("mx.dane.test", 10, List.of(InetAddress.getByName("127.0.0.5")), MxDnssec.AUTHENTICATED);

            assertThat(r.findings()).noneMatch(f -> f.severity() != FindingSeverity.INFO);
            assertThat(r.mx().starttls()).isEqualTo("offered");
            assertThat(r.mx().tls().protocol()).isEqualTo("TLSv1.3");
            assertThat(r.mx().certificate().trusted()).isTrue();
            assertThat(r.mx().certificate().nameMatches()).isTrue();
            assertThat(r.mx().dane().status()).isEqualTo("active");
            assertThat(DaneState.of(List.of(r.mx())).status()).isEqualTo("active");
            // Postfix's own account of the session: EHLO, STARTTLS, QUIT, and no mail transaction
            Await.until(() -> postfix.log().contains("disconnect from"));
            assertThat(postfix.log()).contains("ehlo=1 starttls=1 quit=1 commands=3").doesNotContain("mail=");
        }
    }
}
