package org.tlsrpthub.hub.checks;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.TestCa;

/**
 * What the live-check tests share: a test CA (its certificate is the extra trusted CA), the hub's
 * own destinations, a well-configured domain's records and a prober that records what it was asked.
 */
final class CheckFixtures {
    static final HubDestinations HUB = new HubDestinations(List.of("tlsrpt@hub.test"), List.of(), List.of("https://hub.test/tlsrpt"));
    static final String GOOD_TLSRPT = "v=TLSRPTv1; rua=mailto:tlsrpt@hub.test";
    static final String GOOD_STS_RECORD = "v=STSv1; id=20261202a;";

    private CheckFixtures() {}

    static String policy(String mode, long maxAge, String... mx) {
        StringBuilder sb = new StringBuilder("version: STSv1\r\nmode: ").append(mode).append("\r\n");
        for (String m : mx) sb.append("mx: ").append(m).append("\r\n");
        return sb.append("max_age: ").append(maxAge).append("\r\n").toString();
    }

    /** A policy matching {@link #goodMx}: enforce, two weeks, mx1 and mx2. */
    static String goodPolicy(String domain) {
        return policy("enforce", 1_209_600, "mx1." + domain, "mx2." + domain);
    }

    /** TLS-RPT record reaching the hub, MTA-STS record, policy host on 127.0.0.1, two MX on 127.0.0.11 and .12. */
    static Dnsmasq.Zone good(Dnsmasq.Zone z, String domain) {
        return goodMx(z.txt("_smtp._tls." + domain, GOOD_TLSRPT).txt("_mta-sts." + domain, GOOD_STS_RECORD)
                .host("mta-sts." + domain, "127.0.0.1"), domain);
    }

    static Dnsmasq.Zone goodMx(Dnsmasq.Zone z, String domain) {
        return z.mx(domain, "mx1." + domain, 10).mx(domain, "mx2." + domain, 20)
                .host("mx1." + domain, "127.0.0.11").host("mx2." + domain, "127.0.0.12");
    }

    /** Options for a test: its DNS server, its HTTPS port, the test CA trusted, loopback allowed, short timeouts. */
    static CheckOptions options(Dnsmasq dns, int httpsPort, Path caPem) {
        return new CheckOptions(dns.address(), 25, httpsPort, caPem, true, 21, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(2), HUB);
    }

    static CheckService service(CheckOptions o, MxProber prober) {
        return new CheckService(o, prober, Clock.systemUTC());
    }

    static Path caPem(TestCa ca, Path dir) throws Exception {
        return ca.writePem(dir.resolve("ca.pem"));
    }

    /** A prober that probes nothing and remembers each host and the addresses it was given. */
    static final class RecordingProber implements MxProber {
        record Call(String host, List<String> addresses) {}

        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public MxProbeResult probe(String host, int preference, List<InetAddress> addresses, MxDnssec dnssec) {
            calls.add(new Call(host, addresses.stream().map(InetAddress::getHostAddress).toList()));
            return new MxProbeResult(new MxHost(host, preference, addresses.stream().map(InetAddress::getHostAddress).toList(),
                    "not-probed", null, null, null), List.of());
        }
    }

    static List<String> ids(DomainCheck c) {
        return c.findings().stream().map(Finding::id).toList();
    }
}
