package org.tlsrpthub.hub.checks.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckService;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.HubDestinations;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.ScriptedMx;
import org.tlsrpthub.hub.testsupport.ScriptedMx.Script;
import org.tlsrpthub.hub.testsupport.TestCa;

/** A whole domain check with the STARTTLS prober: MX from real DNS, each host probed, its detail kept. */
class CheckWithProberTest {
    @TempDir Path dir;

    @Test
    void theDomainCheckCarriesEachHostsProbe() throws Exception {
        TestCa ca = TestCa.create("Check Test CA");
        Path caPem = ca.writePem(dir.resolve("ca.pem"));
        try (ScriptedMx good = ScriptedMx.start("127.0.0.13", 0, Script.starttls(ca.issue(List.of("mx1.probed.test"), 90)));
             ScriptedMx plain = ScriptedMx.start("127.0.0.14", good.port(), Script.plain());
             Dnsmasq dns = Dnsmasq.zone().mx("probed.test", "mx1.probed.test", 10).mx("probed.test", "mx2.probed.test", 20)
                     .host("mx1.probed.test", "127.0.0.13").host("mx2.probed.test", "127.0.0.14").start()) {
            CheckOptions o = new CheckOptions(dns.address(), good.port(), 443, caPem, true, 21, Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(2), new HubDestinations(List.of("tlsrpt@hub.test"), List.of(), List.of()));
            Files.delete(caPem); // the options read the CA file once; the policy fetch and the prober share what they read
            StartTlsProber prober = new StartTlsProber(o.dns(), ProbeSettings.from(o,
                    new AddressRateLimiter(AddressRateLimiter.DEFAULT_INTERVAL, Clock.systemUTC()), "probe.hub.test", Clock.systemUTC()));
            DomainCheck c = new CheckService(o, prober, Clock.systemUTC()).check("probed.test");

            assertThat(c.mx()).extracting(MxHost::starttls).containsExactly("offered", "not-offered");
            assertThat(c.mx().getFirst().probes()).singleElement().satisfies(p -> assertThat(p.address()).isEqualTo("127.0.0.13"));
            assertThat(c.mx().getFirst().certificate().nameMatches()).isTrue();
            assertThat(c.mx().getFirst().certificate().trusted()).isTrue();
            assertThat(c.has("starttls-not-supported")).isTrue();
            assertThat(c.findings()).filteredOn(f -> f.id().equals("starttls-not-supported"))
                    .singleElement().satisfies(f -> assertThat(f.subject()).isEqualTo("mx2.probed.test [127.0.0.14]"));
            // dnsmasq does not validate: no AD bit, so DANE reads as not signed
            assertThat(c.dane().status()).isEqualTo("inactive");
            assertThat(c.dane().summary()).isEqualTo("DANE inactive: not signed");
        }
    }
}
